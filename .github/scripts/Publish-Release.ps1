#!/usr/bin/env pwsh
<#
.SYNOPSIS
    The report job: writes the layers report to the step summary and creates or updates one GitHub Release per
    distribution with its zips, their metadata, the release notes and the JSON and Terraform maps.
.DESCRIPTION
    Reads OCELOT_REPORT_DIRECTORY (default ./report, from the publish job), OCELOT_ARTIFACTS_DIRECTORY (default
    ./artifacts, the build jobs' zips), GITHUB_REPOSITORY, GITHUB_SHA and GH_TOKEN (for the gh CLI; OCELOT_GH names
    another gh executable). An existing release is edited and its assets replaced by name (gh release upload --clobber);
    a release is never deleted, so a failed run leaves the previous release as it was.
#>
[CmdletBinding()]
param()
$ErrorActionPreference = 'Stop'
Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'OcelotActions.psm1')) -Force

function Invoke-Gh {
    param([Parameter(Mandatory)] [string[]] $Arguments, [switch] $AllowFailure)
    $gh = Get-ActionInput OCELOT_GH -Default 'gh'
    $errorFile = [System.IO.Path]::GetTempFileName()
    try {
        $output = & $gh @Arguments 2> $errorFile
        $result = [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output -join "`n"); Error = (Get-Content -LiteralPath $errorFile -Raw) }
    }
    finally { Remove-Item -LiteralPath $errorFile -Force }
    if ($result.ExitCode -ne 0 -and -not $AllowFailure) { throw "gh $($Arguments[0..1] -join ' ') failed (exit $($result.ExitCode)): $($result.Error)" }
    $result
}

function Resolve-Asset([string] $Directory, [string] $Name) {
    # Names come from the report artifact: plain file names only, so nothing outside the two folders is attached.
    Assert-ActionPattern 'asset name' $Name '[A-Za-z0-9_][A-Za-z0-9_.-]{0,200}'
    $path = Join-Path $Directory $Name
    if (-not (Test-Path -LiteralPath $path -PathType Leaf)) { throw "The release asset '$Name' is not in '$Directory'." }
    (Resolve-Path -LiteralPath $path).Path
}

try {
    $reportDirectory = Get-ActionInput OCELOT_REPORT_DIRECTORY -Default 'report'
    $artifactsDirectory = Get-ActionInput OCELOT_ARTIFACTS_DIRECTORY -Default 'artifacts'
    $repository = Get-ActionInput GITHUB_REPOSITORY -Required
    Assert-ActionPattern GITHUB_REPOSITORY $repository '[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+'
    $commit = Get-ActionInput GITHUB_SHA -Required
    Assert-ActionPattern GITHUB_SHA $commit '[0-9a-f]{40}'

    $layersReport = Join-Path $reportDirectory 'LAYERS.md'
    if (Test-Path -LiteralPath $layersReport) { Add-ActionSummary (Get-Content -LiteralPath $layersReport -Raw) }
    $manifest = @(Get-Content -LiteralPath (Join-Path $reportDirectory 'releases.json') -Raw | ConvertFrom-Json)

    # Artifacts downloaded one folder per artifact or merged: index them by file name.
    $artifactFolders = @{}
    foreach ($file in Get-ChildItem -LiteralPath $artifactsDirectory -File -Recurse) { $artifactFolders[$file.Name] = $file.DirectoryName }

    $links = foreach ($release in $manifest) {
        Assert-ActionPattern 'release tag' $release.Tag '[A-Za-z0-9_][A-Za-z0-9_.-]{0,200}'
        Assert-ActionPattern 'release title' $release.Title '[A-Za-z0-9_.| -]{1,200}'
        $notes = Resolve-Asset $reportDirectory $release.NotesFile
        $assets = @($notes) + @($release.ReportFiles | ForEach-Object { Resolve-Asset $reportDirectory $_ }) +
            @($release.ArtifactFiles | ForEach-Object {
                    $folder = $artifactFolders[$_]
                    if (-not $folder) { throw "The release asset '$_' was not downloaded into '$artifactsDirectory'." }
                    Resolve-Asset $folder $_
                })

        $existing = Invoke-Gh -Arguments @('release', 'view', $release.Tag, '--repo', $repository, '--json', 'tagName,url') -AllowFailure
        if ($existing.ExitCode -eq 0) {
            Invoke-Gh -Arguments @('release', 'edit', $release.Tag, '--repo', $repository, '--title', $release.Title, '--notes-file', $notes) | Out-Null
            Invoke-Gh -Arguments (@('release', 'upload', $release.Tag, '--repo', $repository, '--clobber', '--') + $assets) | Out-Null
            $action = 'updated'
        }
        elseif ($existing.Error -match 'release not found') {
            Invoke-Gh -Arguments (@('release', 'create', $release.Tag, '--repo', $repository, '--title', $release.Title, '--notes-file', $notes,
                    '--target', $commit, '--') + $assets) | Out-Null
            $action = 'created'
        }
        else {
            throw "Could not look up release '$($release.Tag)' (exit $($existing.ExitCode)): $($existing.Error)"
        }
        "- $action release ``$($release.Tag)`` with $($assets.Count) asset(s)"
    }
    Set-ActionOutput -Name releases -Value (ConvertTo-Json -InputObject @($manifest | ForEach-Object { $_.Tag }) -Compress)
    Add-ActionSummary ((@('## GitHub releases', '') + @($links)) -join "`n")
}
catch {
    Write-ActionError $_.Exception.Message
    exit 1
}
