#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Measures the parts of a fork's release run on the offline fixture and moto: each build matrix job
    (Build-Layer.ps1, one distribution x architecture, cold Go caches as on a fresh runner) and the publish job
    (Publish-Layers.ps1, every zip to -Regions regions in one run), against the baseline of one publish run per region
    (what a matrix per region does, less the runner start-up), side by side in the same run.
#>
[CmdletBinding()]
param([int] $Regions = 20, [string[]] $Distribution = @())
$ErrorActionPreference = 'Stop'
$tests = [System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'tests', 'Pester')
Import-Module ([System.IO.Path]::Combine($tests, 'TestKit.psm1')) -Force
Import-Module ([System.IO.Path]::Combine($tests, 'GitHubActions', 'ActionTestKit.psm1')) -Force
Import-OcelotUnderTest

$moto = Start-MotoServer
$aws = Enter-AwsTestEnvironment -Moto $moto
$go = New-GoFixture -NoDefaultUpstream
$work = New-TestFolder -Prefix 'ocelot-fork-bench-'
try {
    $artifacts = Join-Path $work 'artifacts'
    $names = if ($Distribution) { $Distribution } else { @((Get-OcelotDistribution).Name) }
    $builds = foreach ($name in $names) {
        foreach ($architecture in 'amd64', 'arm64') {
            $fresh = Join-Path $work "runner-$name-$architecture"
            $run = Invoke-ActionScript Build-Layer.ps1 -WorkFolder $fresh -Environment @{
                OCELOT_DISTRIBUTION = $name; OCELOT_ARCHITECTURE = $architecture; OCELOT_UPSTREAM_REPO = $go.UpstreamFolder
                OCELOT_UPSTREAM_REF = $go.UpstreamCommit; OCELOT_OUTPUT_DIRECTORY = $artifacts
                GOCACHE = (Join-Path $fresh 'gocache'); GOMODCACHE = (Join-Path $fresh 'gomodcache'); OCELOT_CACHE = (Join-Path $fresh 'ocelot-cache')
            }
            if ($run.ExitCode -ne 0) { throw "Build of $name/$architecture failed: $($run.Console)" }
            [pscustomobject]@{ Distribution = $name; Architecture = $architecture; Seconds = [Math]::Round($run.Seconds, 1) }
        }
    }
    $builds | Format-Table -AutoSize | Out-String | Write-Host

    Initialize-OcelotMetadataTable -Region us-east-1 -Confirm:$false | Out-Null
    $regionList = @((Invoke-AwsCli $moto ec2 describe-regions --region us-east-1).Regions.RegionName | Sort-Object | Select-Object -First $Regions)
    $common = @{ OCELOT_ARTIFACTS_DIRECTORY = $artifacts; OCELOT_LAYER_NAME = 'ocel'; OCELOT_METADATA_REGION = 'us-east-1'; OCELOT_DRY_RUN = 'false' }

    $oneJob = Invoke-ActionScript Publish-Layers.ps1 -WorkFolder (Join-Path $work 'publish-one') -Environment ($common + @{
            OCELOT_REGIONS = ($regionList -join ' '); OCELOT_RELEASE_GROUP = 'onejob'; OCELOT_REPORT_DIRECTORY = (Join-Path $work 'report-one') })
    if ($oneJob.ExitCode -ne 0) { throw "The one-job publish failed: $($oneJob.Console)" }
    $perRegion = [System.Diagnostics.Stopwatch]::StartNew()
    foreach ($region in $regionList) {
        $run = Invoke-ActionScript Publish-Layers.ps1 -WorkFolder (Join-Path $work "publish-$region") -Environment ($common + @{
                OCELOT_REGIONS = $region; OCELOT_RELEASE_GROUP = 'perregion'; OCELOT_REPORT_DIRECTORY = (Join-Path $work "report-$region") })
        if ($run.ExitCode -ne 0) { throw "The $region publish failed: $($run.Console)" }
    }
    $perRegion.Stop()

    $zips = @($builds).Count
    $buildMean = ($builds | Measure-Object Seconds -Average).Average
    $buildMax = ($builds | Measure-Object Seconds -Maximum).Maximum
    Write-Host ("Build job (one distribution x architecture, cold caches): mean {0:n1} s, slowest {1:n1} s, over {2} jobs" -f $buildMean, $buildMax, $zips)
    Write-Host ("Publish, {0} zips x {1} regions: one job {2:n1} s ({3:n2} s per region) | one run per region {4:n1} s in sequence ({5:n1} s per run) | ratio one job / per-region runs = {6:n2}" -f `
            $zips, $regionList.Count, $oneJob.Seconds, ($oneJob.Seconds / $regionList.Count), $perRegion.Elapsed.TotalSeconds,
        ($perRegion.Elapsed.TotalSeconds / $regionList.Count), ($oneJob.Seconds / $perRegion.Elapsed.TotalSeconds))
}
finally {
    Remove-TestFolder $work
    Remove-GoFixture $go
    Exit-AwsTestEnvironment $aws
    Stop-MotoServer $moto
}
