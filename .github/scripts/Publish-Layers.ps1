#!/usr/bin/env pwsh
<#
.SYNOPSIS
    The publish job: publishes every built zip to every region (Ocelot's own region parallelism), records the metadata,
    and writes the report documents the release job attaches.
.DESCRIPTION
    Reads the zips and their *.artifact.json from OCELOT_ARTIFACTS_DIRECTORY (default ./artifacts) and OCELOT_REGIONS
    ('all' = every region enabled for the account, from EC2 DescribeRegions), OCELOT_LAYER_NAME, OCELOT_RELEASE_GROUP,
    OCELOT_SHARING / OCELOT_SHARE_WITH, OCELOT_DRY_RUN (true: -WhatIf, nothing is changed), OCELOT_METADATA_TABLE,
    OCELOT_METADATA_REGION, OCELOT_COMPATIBLE_RUNTIMES, OCELOT_S3_BUCKET and OCELOT_THROTTLE_LIMIT.
    Writes into OCELOT_REPORT_DIRECTORY (default ./report): LAYERS.md, releases.json and, per distribution,
    <distribution>-release-notes.md, <distribution>-layers.json and <distribution>-layers.tf. A zip whose bytes do not
    match its metadata is refused before anything is sent to AWS. Exits 1 when any region failed.
#>
[CmdletBinding()]
param()
$ErrorActionPreference = 'Stop'
Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'OcelotActions.psm1')) -Force

function Read-ArtifactMetadata([System.IO.FileInfo] $File) {
    $metadata = Get-Content -LiteralPath $File.FullName -Raw | ConvertFrom-Json
    foreach ($property in 'FileName', 'Distribution', 'Architecture', 'Sha256', 'CollectorVersion', 'UpstreamCommit') {
        if (-not $metadata.PSObject.Properties[$property] -or -not $metadata.$property) { throw "'$($File.Name)' has no $property." }
    }
    Assert-ActionPattern "$($File.Name): FileName" $metadata.FileName 'collector-(amd64|arm64)-[A-Za-z0-9_.-]{1,100}\.zip'
    Assert-ActionPattern "$($File.Name): Distribution" $metadata.Distribution '[A-Za-z0-9_-]{1,100}'
    Assert-ActionPattern "$($File.Name): Architecture" $metadata.Architecture 'amd64|arm64'
    Assert-ActionPattern "$($File.Name): CollectorVersion" $metadata.CollectorVersion 'v?[0-9]+\.[0-9]+\.[0-9]+[0-9A-Za-z.+-]{0,60}'
    Assert-ActionPattern "$($File.Name): UpstreamCommit" $metadata.UpstreamCommit '[0-9a-f]{40}'
    $zip = Join-Path $File.DirectoryName $metadata.FileName
    if (-not (Test-Path -LiteralPath $zip -PathType Leaf)) { throw "'$($File.Name)' describes '$($metadata.FileName)', which is not beside it." }
    $sha256 = (Get-FileHash -LiteralPath $zip -Algorithm SHA256).Hash.ToLowerInvariant()
    if ($sha256 -ne $metadata.Sha256.ToLowerInvariant()) {
        throw "'$($metadata.FileName)' has sha256 $sha256 but its metadata says $($metadata.Sha256): the artifact was altered after the build."
    }
    $metadata | Add-Member -NotePropertyName Path -NotePropertyValue $zip -PassThru
}

function Get-EnabledRegion([string] $Region) {
    # Regions enabled for the account: those that need no opt-in plus those opted in (what DescribeRegions lists by default).
    $arguments = @('ec2', 'describe-regions', '--region', $Region, '--query', 'Regions[].RegionName', '--output', 'json')
    if ($env:AWS_ENDPOINT_URL) { $arguments = @('--endpoint-url', $env:AWS_ENDPOINT_URL) + $arguments }
    $answer = & aws @arguments
    if ($LASTEXITCODE -ne 0) { throw "aws ec2 describe-regions failed (exit $LASTEXITCODE): the role needs ec2:DescribeRegions for regions 'all'." }
    $regions = @(($answer -join "`n") | ConvertFrom-Json | Sort-Object)
    foreach ($item in $regions) { Assert-ActionPattern 'DescribeRegions answer' $item '[a-z]{2}(-[a-z]+)+-[0-9]' }
    $regions
}

function Write-Utf8([string] $Path, [string] $Text) {
    [System.IO.File]::WriteAllText($Path, $Text, [System.Text.UTF8Encoding]::new($false))
}

try {
    Import-OcelotModule
    $artifactsDirectory = Get-ActionInput OCELOT_ARTIFACTS_DIRECTORY -Default 'artifacts'
    $reportDirectory = Get-ActionInput OCELOT_REPORT_DIRECTORY -Default 'report'
    $releaseGroup = Get-ActionInput OCELOT_RELEASE_GROUP -Default 'prod'
    $dryRun = Get-ActionSwitch OCELOT_DRY_RUN
    $metadataRegion = Get-ActionInput OCELOT_METADATA_REGION -Default $env:AWS_REGION
    if (-not $metadataRegion) { throw 'Set OCELOT_METADATA_REGION (or AWS_REGION): the metadata table''s region.' }

    $artifacts = @(Get-ChildItem -LiteralPath $artifactsDirectory -Filter '*.artifact.json' -File -Recurse | Sort-Object Name | ForEach-Object { Read-ArtifactMetadata $_ })
    if ($artifacts.Count -eq 0) { throw "No *.artifact.json in '$artifactsDirectory': did the build jobs upload their artifacts?" }
    foreach ($group in $artifacts | Group-Object Distribution) {
        $commits = @($group.Group.UpstreamCommit | Select-Object -Unique)
        if ($commits.Count -gt 1) { throw "The $($group.Name) zips were built from different upstream commits ($($commits -join ', ')): build them from one commit." }
    }

    $regionInput = Get-ActionInputList OCELOT_REGIONS -Default 'all'
    $regions = if ($regionInput.Count -eq 1 -and $regionInput[0] -eq 'all') { @(Get-EnabledRegion $metadataRegion) } else { $regionInput }

    $publish = @{
        Region         = $regions
        LayerNameBase  = Get-ActionInput OCELOT_LAYER_NAME -Default 'ocel'
        ReleaseGroup   = $releaseGroup
        MetadataTable  = Get-ActionInput OCELOT_METADATA_TABLE -Default 'ocelot-layers'
        MetadataRegion = $metadataRegion
        ThrottleLimit  = [int](Get-ActionInput OCELOT_THROTTLE_LIMIT -Default '8')
        WhatIf         = $dryRun
        Confirm        = $false
    }
    $runtimes = Get-ActionInputList OCELOT_COMPATIBLE_RUNTIMES
    if ($runtimes.Count) { $publish.CompatibleRuntime = $runtimes }
    $bucket = Get-ActionInput OCELOT_S3_BUCKET
    if ($bucket) { $publish.S3Bucket = $bucket }
    $shareWith = Get-ActionInputList OCELOT_SHARE_WITH
    switch -Exact (Get-ActionInput OCELOT_SHARING -Default 'private') {
        'private' { }
        'public' { $publish.Public = $true }
        'principals' {
            if ($shareWith.Count -eq 0) { throw 'OCELOT_SHARING is principals but OCELOT_SHARE_WITH names no account id.' }
            $publish.Principal = $shareWith
        }
        'organization' {
            if ($shareWith.Count -ne 1) { throw 'OCELOT_SHARING is organization: give exactly one organization id in OCELOT_SHARE_WITH.' }
            $publish.OrganizationId = $shareWith[0]
        }
        default { throw "OCELOT_SHARING must be private, public, principals or organization." }
    }

    $versions = [System.Collections.Generic.List[object]]::new()
    $failures = [System.Collections.Generic.List[string]]::new()
    foreach ($artifact in $artifacts) {
        $failed = $null
        $published = Publish-OcelotLayer -Path $artifact.Path -Distribution $artifact.Distribution -Architecture $artifact.Architecture `
            -CollectorVersion $artifact.CollectorVersion -BuildTags @($artifact.BuildTags) -DistributionDescription $artifact.DistributionDescription `
            @publish -ErrorAction SilentlyContinue -ErrorVariable failed
        foreach ($version in @($published)) { if ($null -ne $version) { $versions.Add($version) } }
        foreach ($record in @($failed)) {
            if ($null -eq $record) { continue }
            $failures.Add("$($artifact.FileName): $($record.Exception.Message) [$($record.FullyQualifiedErrorId)]")
            Write-ActionError "$($artifact.FileName): $($record.Exception.Message)"
        }
    }

    New-Item -ItemType Directory -Force -Path $reportDirectory | Out-Null
    $releases = foreach ($group in $artifacts | Group-Object Distribution | Sort-Object Name) {
        $distribution = $group.Name
        $first = $group.Group[0]
        $versionPart = $first.CollectorVersion.TrimStart('v')
        $ofDistribution = @($versions | Where-Object Distribution -CEQ $distribution)
        $notesFile = "$distribution-release-notes.md"
        $jsonFile = "$distribution-layers.json"
        $terraformFile = "$distribution-layers.tf"
        Write-Utf8 (Join-Path $reportDirectory $notesFile) ($ofDistribution | ConvertTo-OcelotReport -Format ReleaseNotes -Distribution $distribution `
                -CollectorVersion $first.CollectorVersion -ReleaseGroup $releaseGroup -BuildTags @($first.BuildTags))
        Write-Utf8 (Join-Path $reportDirectory $jsonFile) ($ofDistribution | ConvertTo-OcelotReport -Format Json)
        Write-Utf8 (Join-Path $reportDirectory $terraformFile) ($ofDistribution | ConvertTo-OcelotReport -Format Terraform)
        [ordered]@{
            Tag              = "$distribution-v$versionPart-$releaseGroup"
            Title            = "$distribution | $versionPart | $releaseGroup"
            Distribution     = $distribution
            CollectorVersion = $first.CollectorVersion
            UpstreamCommit   = $first.UpstreamCommit
            NotesFile        = $notesFile
            ReportFiles      = @($jsonFile, $terraformFile)
            ArtifactFiles    = @($group.Group | ForEach-Object { $_.FileName; [System.IO.Path]::ChangeExtension($_.FileName, '.artifact.json') })
            LayerVersions    = $ofDistribution.Count
        }
    }
    Write-Utf8 (Join-Path $reportDirectory 'releases.json') (ConvertTo-Json -InputObject @($releases) -Depth 4)
    Write-Utf8 (Join-Path $reportDirectory 'LAYERS.md') ($versions | ConvertTo-OcelotReport -Format Markdown)

    $published = @($versions | Where-Object Status -EQ 'Published').Count
    $reused = @($versions | Where-Object Status -EQ 'Reused').Count
    Set-ActionOutput -Name published -Value "$published"
    Set-ActionOutput -Name reused -Value "$reused"
    Set-ActionOutput -Name failed -Value "$($failures.Count)"
    Set-ActionOutput -Name regions -Value (ConvertTo-Json -InputObject @($regions) -Compress)
    Set-ActionOutput -Name release-tags -Value (ConvertTo-Json -InputObject @($releases | ForEach-Object { $_.Tag }) -Compress)

    $heading = if ($dryRun) { '## Publish (dry run: nothing was changed)' } else { '## Publish' }
    $lines = @($heading, '',
        "$($artifacts.Count) zip(s) x $($regions.Count) region(s): $published published, $reused reused, $($failures.Count) failed.", '')
    if ($failures.Count) { $lines += @('### Failures', '') + @($failures | ForEach-Object { "- $(ConvertTo-MarkdownCell $_)" }) }
    Add-ActionSummary ($lines -join "`n")
    if ($failures.Count) { exit 1 }
}
catch {
    Write-ActionError $_.Exception.Message
    exit 1
}
