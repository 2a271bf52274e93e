#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Saves Pester 5.7.1 into tests/Pester/.modules from the NuGet feed this machine is configured with.
.DESCRIPTION
    The feed address is read from `dotnet nuget list source` at run time, so no registry address is written into the
    repository. Safe to run repeatedly: an existing copy is kept.
#>
[CmdletBinding()]
param(
    [string] $PesterVersion = '5.7.1',
    [string] $Destination = [System.IO.Path]::Combine($PSScriptRoot, '.modules')
)
$ErrorActionPreference = 'Stop'

$manifest = [System.IO.Path]::Combine($Destination, 'pester', $PesterVersion, 'tools', 'Pester.psd1')
if (Test-Path -LiteralPath $manifest) { return $manifest }

$feed = dotnet nuget list source --format short |
    Where-Object { $_ -match '^\s*E\S*\s+(https?://\S+)' } |
    ForEach-Object { $Matches[1] } |
    Select-Object -First 1
if (-not $feed) { throw 'No enabled NuGet source found (dotnet nuget list source); Pester cannot be installed.' }

$repositoryName = 'OcelotTestFeed'
$existing = Get-PSResourceRepository -Name $repositoryName -ErrorAction SilentlyContinue
if (-not $existing -or $existing.Uri.AbsoluteUri.TrimEnd('/') -ne $feed.TrimEnd('/')) {
    if ($existing) { Unregister-PSResourceRepository -Name $repositoryName }
    Register-PSResourceRepository -Name $repositoryName -Uri $feed -Trusted
}
$null = New-Item -ItemType Directory -Force -Path $Destination
Save-PSResource -Name Pester -Version $PesterVersion -Repository $repositoryName -Path $Destination -TrustRepository
if (-not (Test-Path -LiteralPath $manifest)) { throw "Pester $PesterVersion was saved, but $manifest is missing." }
$manifest
