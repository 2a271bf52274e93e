#!/usr/bin/env pwsh
<#
.SYNOPSIS
    One build matrix job: builds one distribution for one architecture and writes the zip's metadata beside it.
.DESCRIPTION
    Reads OCELOT_DISTRIBUTION, OCELOT_ARCHITECTURE, OCELOT_UPSTREAM_REPO, OCELOT_UPSTREAM_REF and OCELOT_OUTPUT_DIRECTORY
    (default ./build). Writes collector-<arch>-<distribution>.zip and collector-<arch>-<distribution>.artifact.json (the
    artifact object Invoke-OcelotBuild returned, with the file name instead of the runner's path), then the outputs
    artifact-name, zip, metadata, collector-version and upstream-commit, and OCELOT_COLLECTOR_VERSION for later steps.
#>
[CmdletBinding()]
param()
$ErrorActionPreference = 'Stop'
Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'OcelotActions.psm1')) -Force

try {
    Import-OcelotModule
    $distribution = Get-ActionInput OCELOT_DISTRIBUTION -Required
    $architecture = Get-ActionInput OCELOT_ARCHITECTURE -Required
    Assert-ActionPattern OCELOT_ARCHITECTURE $architecture 'amd64|arm64' 'amd64'
    $outputDirectory = Get-ActionInput OCELOT_OUTPUT_DIRECTORY -Default 'build'
    $build = @{
        Distribution    = $distribution
        Architecture    = $architecture
        UpstreamRepo    = Get-ActionInput OCELOT_UPSTREAM_REPO -Default 'open-telemetry/opentelemetry-lambda'
        UpstreamRef     = Get-ActionInput OCELOT_UPSTREAM_REF -Default 'main'
        OutputDirectory = $outputDirectory
    }
    $started = [System.Diagnostics.Stopwatch]::StartNew()
    $artifact = Invoke-OcelotBuild @build
    if (@($artifact).Count -ne 1) { throw "Invoke-OcelotBuild returned $(@($artifact).Count) artifacts for $distribution/$architecture, expected one." }
    $started.Stop()

    $zip = Get-Item -LiteralPath $artifact.Path
    $metadataPath = [System.IO.Path]::ChangeExtension($zip.FullName, '.artifact.json')
    $metadata = [ordered]@{
        FileName                = $zip.Name
        Distribution            = $artifact.Distribution
        DistributionDescription = $artifact.DistributionDescription
        Architecture            = $artifact.Architecture
        Size                    = $artifact.Size
        Md5                     = $artifact.Md5
        Sha256                  = $artifact.Sha256
        CodeSha256              = $artifact.CodeSha256
        UpstreamRepo            = $artifact.UpstreamRepo
        UpstreamRef             = $artifact.UpstreamRef
        UpstreamCommit          = $artifact.UpstreamCommit
        CollectorVersion        = $artifact.CollectorVersion
        BuildTags               = @($artifact.BuildTags)
        Components              = @($artifact.Components | ForEach-Object { $_.Id })
        GoModules               = @($artifact.GoModules)
        ConfigFile              = if ($artifact.ConfigFile) { [System.IO.Path]::GetFileName($artifact.ConfigFile) } else { $null }
        GoVersion               = $artifact.GoVersion
        BuildSeconds            = [Math]::Round($started.Elapsed.TotalSeconds, 1)
        FromCache               = $artifact.FromCache
    }
    [System.IO.File]::WriteAllText($metadataPath, ($metadata | ConvertTo-Json -Depth 4), [System.Text.UTF8Encoding]::new($false))

    Set-ActionOutput -Name artifact-name -Value "layer-$($artifact.Distribution)-$($artifact.Architecture)"
    Set-ActionOutput -Name zip -Value $zip.FullName
    Set-ActionOutput -Name metadata -Value $metadataPath
    Set-ActionOutput -Name collector-version -Value $artifact.CollectorVersion
    Set-ActionOutput -Name upstream-commit -Value $artifact.UpstreamCommit
    Set-ActionEnvironment -Name OCELOT_COLLECTOR_VERSION -Value $artifact.CollectorVersion

    Add-ActionSummary (@(
            "## Built $(ConvertTo-MarkdownCell $zip.Name)", '',
            '| Distribution | Architecture | Collector | Upstream commit | Go | Components | Size (bytes) | Seconds |',
            '| --- | --- | --- | --- | --- | --- | --- | --- |',
            "| $(ConvertTo-MarkdownCell $artifact.Distribution) | $($artifact.Architecture) | $(ConvertTo-MarkdownCell $artifact.CollectorVersion) | $(ConvertTo-MarkdownCell $artifact.UpstreamCommit) | $(ConvertTo-MarkdownCell $artifact.GoVersion) | $(@($artifact.Components).Count) | $($artifact.Size) | $($metadata.BuildSeconds) |"
        ) -join "`n")
}
catch {
    Write-ActionError $_.Exception.Message
    exit 1
}
