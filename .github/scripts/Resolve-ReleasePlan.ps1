#!/usr/bin/env pwsh
<#
.SYNOPSIS
    The prepare job: checks every workflow input and writes the build matrix (distribution x architecture).
.DESCRIPTION
    Reads OCELOT_DISTRIBUTIONS ('all' or names), OCELOT_ARCHITECTURES ('both', amd64, arm64), OCELOT_REGIONS ('all' or
    region codes), OCELOT_RELEASE_GROUP, OCELOT_LAYER_NAME, OCELOT_UPSTREAM_REPO, OCELOT_UPSTREAM_REF, OCELOT_SHARING
    (private, public, principals, organization) and OCELOT_SHARE_WITH. Bad input stops here, before any build starts.
    Writes the outputs build-matrix (JSON for strategy.matrix), distributions and architectures (JSON arrays).
#>
[CmdletBinding()]
param()
$ErrorActionPreference = 'Stop'
Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'OcelotActions.psm1')) -Force

function Resolve-UpstreamCommit([string] $Repository, [string] $Ref) {
    if ($Ref -match '\A[0-9a-f]{40}\z') { return $Ref }
    $url = if ($Repository -match '\A[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+\z' -and -not (Test-Path -LiteralPath $Repository)) { "https://github.com/$Repository.git" } else { $Repository }
    $lines = & git ls-remote -- $url "refs/tags/$Ref" "refs/tags/$Ref^{}" "refs/heads/$Ref" 2>&1
    if ($LASTEXITCODE -ne 0) { throw "git ls-remote $url failed (exit $LASTEXITCODE): $($lines -join ' ')" }
    $refs = @{}
    foreach ($line in $lines) { if ("$line" -match '\A([0-9a-f]{40})\t(\S+)\z') { $refs[$Matches[2]] = $Matches[1] } }
    foreach ($name in "refs/tags/$Ref^{}", "refs/tags/$Ref", "refs/heads/$Ref") { if ($refs.ContainsKey($name)) { return $refs[$name] } }
    throw "The upstream ref '$Ref' is neither a tag nor a branch of $url (give a full commit SHA for other commits)."
}

try {
    Import-OcelotModule
    $requested = Get-ActionInputList -Name OCELOT_DISTRIBUTIONS -Default 'all'
    $known = @(Get-OcelotDistribution)
    $distributions = if ($requested.Count -eq 0 -or ($requested.Count -eq 1 -and $requested[0] -eq 'all')) {
        @($known.Name)
    }
    else {
        $unknown = @($requested | Where-Object { $_ -cnotin $known.Name })
        if ($unknown) { throw "Unknown distribution(s): $($unknown -join ', '). Defined: $($known.Name -join ', ')." }
        @($requested)
    }

    $architectureInput = Get-ActionInputList -Name OCELOT_ARCHITECTURES -Default 'both'
    $architectures = [System.Collections.Generic.List[string]]::new()
    foreach ($item in $architectureInput) {
        switch -Exact ($item) {
            { $_ -in 'both', 'all' } { $architectures.Add('amd64'); $architectures.Add('arm64') }
            { $_ -in 'amd64', 'arm64' } { $architectures.Add($item) }
            default { throw "The input OCELOT_ARCHITECTURES has an invalid value '$item': use amd64, arm64 or both." }
        }
    }
    $architectures = @($architectures | Select-Object -Unique)

    $regions = Get-ActionInputList -Name OCELOT_REGIONS -Default 'all'
    if (-not ($regions.Count -eq 1 -and $regions[0] -eq 'all')) {
        foreach ($region in $regions) { Assert-ActionPattern OCELOT_REGIONS $region '[a-z]{2}(-[a-z]+)+-[0-9]' 'us-east-1 eu-west-1, or all' }
    }
    Assert-ActionPattern OCELOT_RELEASE_GROUP (Get-ActionInput OCELOT_RELEASE_GROUP -Default 'prod') '[a-zA-Z0-9_.-]{1,40}' 'prod, beta'
    Assert-ActionPattern OCELOT_LAYER_NAME (Get-ActionInput OCELOT_LAYER_NAME -Default 'ocel') '[a-zA-Z0-9_-]{1,100}' 'ocel'
    $upstreamRepo = Get-ActionInput OCELOT_UPSTREAM_REPO -Default 'open-telemetry/opentelemetry-lambda'
    $upstreamRef = Get-ActionInput OCELOT_UPSTREAM_REF -Default 'main'
    # owner/name on GitHub, an https URL, or (for local runs) a clone on disk.
    if (-not (Test-Path -LiteralPath $upstreamRepo -PathType Container)) {
        Assert-ActionPattern OCELOT_UPSTREAM_REPO $upstreamRepo '[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+|https://[A-Za-z0-9_.~:/%@+-]+' 'open-telemetry/opentelemetry-lambda'
    }
    Assert-ActionPattern OCELOT_UPSTREAM_REF $upstreamRef '[A-Za-z0-9_.][A-Za-z0-9_./-]{0,199}' 'main, v0.158.0, a commit SHA'
    # Every build job must build the same commit, even if the branch moves while they run: resolve the ref once, here.
    $upstreamCommit = Resolve-UpstreamCommit $upstreamRepo $upstreamRef
    $sharing = Get-ActionInput OCELOT_SHARING -Default 'private'
    $shareWith = Get-ActionInputList OCELOT_SHARE_WITH
    switch -Exact ($sharing) {
        'private' { }
        'public' { }
        'principals' {
            if ($shareWith.Count -eq 0) { throw 'OCELOT_SHARING is principals but OCELOT_SHARE_WITH names no account id.' }
            foreach ($account in $shareWith) { Assert-ActionPattern OCELOT_SHARE_WITH $account '[0-9]{12}' '111122223333 444455556666' }
        }
        'organization' {
            if ($shareWith.Count -ne 1) { throw 'OCELOT_SHARING is organization: give exactly one organization id in OCELOT_SHARE_WITH.' }
            Assert-ActionPattern OCELOT_SHARE_WITH $shareWith[0] 'o-[a-z0-9]{10,32}' 'o-a1b2c3d4e5'
        }
        default { throw "The input OCELOT_SHARING has an invalid value '$sharing': use private, public, principals or organization." }
    }

    $include = foreach ($distribution in $distributions) {
        foreach ($architecture in $architectures) { [ordered]@{ distribution = $distribution; architecture = $architecture } }
    }
    $matrix = @{ include = @($include) } | ConvertTo-Json -Depth 4 -Compress
    Set-ActionOutput -Name build-matrix -Value $matrix
    Set-ActionOutput -Name upstream-commit -Value $upstreamCommit
    Set-ActionOutput -Name distributions -Value (ConvertTo-Json -InputObject @($distributions) -Compress)
    Set-ActionOutput -Name architectures -Value (ConvertTo-Json -InputObject @($architectures) -Compress)

    $rows = foreach ($name in $distributions) {
        $distribution = $known | Where-Object Name -CEQ $name
        "| $(ConvertTo-MarkdownCell $name) | $(ConvertTo-MarkdownCell ($architectures -join ', ')) | $($distribution.BuildTags.Count) | $(ConvertTo-MarkdownCell $distribution.Description) |"
    }
    Add-ActionSummary (@(
            '## Release plan', '',
            "$(@($include).Count) build job(s); regions: $(ConvertTo-MarkdownCell ($regions -join ', ')); sharing: $(ConvertTo-MarkdownCell $sharing).", '',
            '| Distribution | Architectures | Build tags | Description |', '| --- | --- | --- | --- |') + $rows -join "`n")
}
catch {
    Write-ActionError $_.Exception.Message
    exit 1
}
