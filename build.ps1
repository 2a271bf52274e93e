#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds the Ocelot module in place (the repository root becomes importable), and optionally packages and tests it.
.EXAMPLE
    ./build.ps1                 # Debug build; then Import-Module ./Ocelot.psd1
.EXAMPLE
    ./build.ps1 -Package        # Release build, then out/Ocelot/<version>/ for Publish-PSResource
.EXAMPLE
    ./build.ps1 -Test           # build and run both test suites (xunit, then Pester in the pinned pwsh)
#>
[CmdletBinding()]
param(
    # Default: Release with -Package, else Debug. Release is laid out in out/Release/, never over the Debug layout.
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration,

    # Lay out the module package <PackageOutput>/Ocelot/<version>/ from the files listed in src/Ocelot/package-files.txt.
    [switch] $Package,

    [string] $PackageOutput = [System.IO.Path]::Combine($PSScriptRoot, 'out'),

    [switch] $Test,

    # Package or test what is already built (skip dotnet build).
    [switch] $NoBuild,

    # Remove bin/, en-US/ and out/ first.
    [switch] $Clean
)

$ErrorActionPreference = 'Stop'
# Only core cmdlets and .NET calls here, so the script also runs in a hosted PowerShell engine (the tests do that).
$solution = [System.IO.Path]::Combine($PSScriptRoot, 'Ocelot.slnx')
if (-not $Configuration) { $Configuration = if ($Package) { 'Release' } else { 'Debug' } }

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

function Get-RelativeFile([string] $Root, [string] $Folder) {
    $path = [System.IO.Path]::Combine($Root, $Folder)
    if (-not [System.IO.Directory]::Exists($path)) { return }
    foreach ($file in [System.IO.Directory]::GetFiles($path, '*', [System.IO.SearchOption]::AllDirectories)) {
        [System.IO.Path]::GetRelativePath($Root, $file).Replace('\', '/')
    }
}

if ($Clean) {
    foreach ($folder in 'bin', 'en-US', 'out') {
        $path = [System.IO.Path]::Combine($PSScriptRoot, $folder)
        if ([System.IO.Directory]::Exists($path)) { [System.IO.Directory]::Delete($path, $true) }
    }
}

if (-not $NoBuild) {
    Invoke-Dotnet tool restore
    # A package alone needs only the module project (and the engine it references), not the test projects.
    $project = if ($Package -and -not $Test) { [System.IO.Path]::Combine($PSScriptRoot, 'src', 'Ocelot', 'Ocelot.csproj') } else { $solution }
    Invoke-Dotnet build $project --configuration $Configuration --nologo
}

if ($Package) {
    # The module's own files come from the configuration's layout (bin/, en-US/); the rest from the repository.
    $layout = if ($Configuration -eq 'Release') { [System.IO.Path]::Combine($PSScriptRoot, 'out', 'Release') } else { $PSScriptRoot }
    $listFile = [System.IO.Path]::Combine($PSScriptRoot, 'src', 'Ocelot', 'package-files.txt')
    $entries = [System.IO.File]::ReadAllLines($listFile) | ForEach-Object Trim | Where-Object { $_ -and -not $_.StartsWith('#') }
    $shipped = @($entries | Where-Object { -not $_.StartsWith('!') })
    $notShipped = @($entries | Where-Object { $_.StartsWith('!') } | ForEach-Object { $_.Substring(1) })
    $sourceOf = {
        param([string] $relative)
        $root = if ($relative.StartsWith('bin/') -or $relative.StartsWith('en-US/')) { $layout } else { $PSScriptRoot }
        [System.IO.Path]::Combine($root, $relative)
    }

    $problems = [System.Collections.Generic.List[string]]::new()
    foreach ($relative in $shipped) {
        if ($relative.EndsWith('.pdb')) { $problems.Add("$relative is a .pdb: the package ships no debug symbols.") }
        if (-not [System.IO.File]::Exists((& $sourceOf $relative))) { $problems.Add("$relative is listed but missing: $(& $sourceOf $relative)") }
    }
    # Every file the build or the repository puts in a shipped folder must be accounted for, so nothing slips in unseen.
    $present = @(Get-RelativeFile $layout 'bin') + @(Get-RelativeFile $layout 'en-US') +
        @(Get-RelativeFile $PSScriptRoot 'config') + @(Get-RelativeFile $PSScriptRoot 'components')
    foreach ($relative in $present) {
        if ($relative -in $shipped -or $relative -in $notShipped -or $relative.EndsWith('.pdb')) { continue }
        $problems.Add("$relative is not in src/Ocelot/package-files.txt: add it (or '!$relative' to leave it out).")
    }
    if ($problems.Count) { throw "The package file list does not match the build:`n  $($problems -join "`n  ")" }

    $manifest = Test-ModuleManifest -Path ([System.IO.Path]::Combine($PSScriptRoot, 'Ocelot.psd1'))
    $target = [System.IO.Path]::Combine($PackageOutput, 'Ocelot', $manifest.Version.ToString())
    if ([System.IO.Directory]::Exists($target)) { [System.IO.Directory]::Delete($target, $true) }
    foreach ($relative in $shipped) {
        $destination = [System.IO.Path]::Combine($target, $relative)
        $null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($destination))
        [System.IO.File]::Copy((& $sourceOf $relative), $destination)
    }
    "Ocelot $($manifest.Version) ($Configuration) packaged in ${target}: $($shipped.Count) files"
}

if ($Test) {
    if ($Configuration -ne 'Debug' -and -not $NoBuild) { Invoke-Dotnet build $solution --configuration Debug --nologo }
    # The tests import the Debug layout at the repository root, as the README's set-up leaves it.
    Invoke-Dotnet test $solution --configuration Debug --nologo --no-build
    & dotnet pwsh -NoProfile -File ([System.IO.Path]::Combine($PSScriptRoot, 'tests', 'Pester', 'Invoke-OcelotPester.ps1'))
    if ($LASTEXITCODE -ne 0) { throw "The Pester suite failed (exit code $LASTEXITCODE)." }
}
