#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Runs the Pester suite (tests/Pester/*.Tests.ps1) in this pwsh against the module imported through Ocelot.psd1.
.DESCRIPTION
    Build the module first (dotnet build). Prints one closing line "Pester: N passed, N failed, N skipped" and exits
    non-zero when a test failed. Each test file imports the module itself, in its own scope.
#>
[CmdletBinding()]
param(
    # Only run test files whose name matches (wildcards), e.g. -Name Publish*.
    [string[]] $Name = '*',
    [string[]] $Tag,
    [string] $ResultPath
)
$ErrorActionPreference = 'Stop'
$pesterManifest = & ([System.IO.Path]::Combine($PSScriptRoot, 'Install-TestTools.ps1'))
Import-Module $pesterManifest -Force

# pwsh -File passes '-Name A,B' as one string: split it as a user means it.
$files = foreach ($pattern in $Name | ForEach-Object { $_ -split ',' } | Where-Object { $_ }) {
    Get-ChildItem -LiteralPath $PSScriptRoot -Filter '*.Tests.ps1' -Recurse |
        Where-Object { $_.Name -like "$pattern" -or $_.Name -like "$pattern.Tests.ps1" }
}
if (-not $files) { throw "No test file under $PSScriptRoot matches -Name $($Name -join ', ')." }
$configuration = New-PesterConfiguration
$configuration.Run.Path = @($files | Sort-Object FullName -Unique | ForEach-Object FullName)
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
if ($Tag) { $configuration.Filter.Tag = $Tag }
if ($ResultPath) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputPath = $ResultPath
}
$result = Invoke-Pester -Configuration $configuration
'Pester: {0} passed, {1} failed, {2} skipped' -f $result.PassedCount, $result.FailedCount, $result.SkippedCount
if ($result.FailedCount -gt 0 -or $result.Result -ne 'Passed') { exit 1 }
