#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds the Ocelot module in place (the repository root becomes importable), and optionally packages and tests it.
.EXAMPLE
    ./build.ps1                 # build; then Import-Module ./Ocelot.psd1
.EXAMPLE
    ./build.ps1 -Package        # also lay out out/Ocelot/<version>/ for Publish-PSResource
.EXAMPLE
    ./build.ps1 -Test           # build and run every test
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    # Lay out a self-contained module folder <PackageOutput>/Ocelot/<version>/.
    [switch] $Package,

    [string] $PackageOutput = [System.IO.Path]::Combine($PSScriptRoot, 'out'),

    [switch] $Test,

    # Remove bin/ and out/ first.
    [switch] $Clean
)

$ErrorActionPreference = 'Stop'
# Only core cmdlets and .NET calls here, so the script also runs in a hosted PowerShell engine (the tests do that).
$solution = [System.IO.Path]::Combine($PSScriptRoot, 'Ocelot.slnx')

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

if ($Clean) {
    foreach ($folder in 'bin', 'out') {
        $path = [System.IO.Path]::Combine($PSScriptRoot, $folder)
        if ([System.IO.Directory]::Exists($path)) { [System.IO.Directory]::Delete($path, $true) }
    }
}

Invoke-Dotnet build $solution --configuration $Configuration --nologo

if ($Package) {
    $project = [System.IO.Path]::Combine($PSScriptRoot, 'src', 'Ocelot', 'Ocelot.csproj')
    Invoke-Dotnet build $project --configuration $Configuration --nologo --no-restore '-t:PackageModule' "-p:ModulePackageRoot=$PackageOutput"
}

if ($Test) {
    Invoke-Dotnet test $solution --configuration $Configuration --nologo --no-build
}
