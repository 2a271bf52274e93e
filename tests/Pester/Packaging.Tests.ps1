# Packaging as a user gets it: build.ps1 -Package, publish to a local PSResourceGet repository, install by name, import
# by name in a fresh pwsh and run a pipeline.
BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestKit.psm1')) -Force
    $root = Get-RepositoryRoot
    $work = New-TestFolder -Prefix 'ocelot-package-'
    $packageOutput = [System.IO.Path]::Combine($work, 'out')
    $buildLog = & ([System.IO.Path]::Combine($root, 'build.ps1')) -Package -PackageOutput $packageOutput *>&1 | ForEach-Object { "$_" }
    $version = (Import-PowerShellDataFile ([System.IO.Path]::Combine($root, 'Ocelot.psd1'))).ModuleVersion
    $packageFolder = [System.IO.Path]::Combine($packageOutput, 'Ocelot', $version)
    $packaged = Get-ChildItem -LiteralPath $packageFolder -Recurse -File |
        ForEach-Object { [System.IO.Path]::GetRelativePath($packageFolder, $_.FullName).Replace('\', '/') }
    $listed = Get-Content ([System.IO.Path]::Combine($root, 'src', 'Ocelot', 'package-files.txt')) |
        ForEach-Object Trim | Where-Object { $_ -and -not $_.StartsWith('#') -and -not $_.StartsWith('!') }
}

AfterAll {
    Remove-TestFolder $work
}

Describe 'build.ps1 -Package' {
    It 'builds Release by default' {
        $buildLog | Should -Contain "Ocelot $version (Release) packaged in ${packageFolder}: $($listed.Count) files"
    }

    It 'ships exactly the files of its list, and no .pdb' {
        ($packaged | Sort-Object) | Should -Be ($listed | Sort-Object)
        $packaged | Where-Object { $_ -like '*.pdb' } | Should -BeNullOrEmpty
        $packaged | Should -Contain 'en-US/Ocelot.dll-Help.xml'
        $packaged | Should -Not -Contain 'bin/Ocelot.Engine.dll'
    }

    It 'keeps the Release layout apart from the Debug one the repository root imports' {
        [System.IO.File]::Exists([System.IO.Path]::Combine($root, 'out', 'Release', 'bin', 'Ocelot.dll')) | Should -BeTrue
        # The Debug layout keeps its symbols; the Release layout has none.
        Get-ChildItem -LiteralPath ([System.IO.Path]::Combine($root, 'out', 'Release')) -Recurse -Filter *.pdb | Should -BeNullOrEmpty
        [System.IO.File]::Exists([System.IO.Path]::Combine($root, 'bin', 'Ocelot.pdb')) | Should -BeTrue
    }

    It 'fails, naming the file, when a file appears that the list does not hold' {
        $stray = [System.IO.Path]::Combine($root, 'config', 'collector-configs', "stray-$([guid]::NewGuid().ToString('N').Substring(0, 6)).yaml")
        Set-Content -LiteralPath $stray -Value 'receivers: {}'
        try {
            { & ([System.IO.Path]::Combine($root, 'build.ps1')) -Package -NoBuild -PackageOutput ([System.IO.Path]::Combine($work, 'stray')) *> $null } |
                Should -Throw "*config/collector-configs/$([System.IO.Path]::GetFileName($stray)) is not in src/Ocelot/package-files.txt*"
        } finally {
            Remove-Item -LiteralPath $stray
        }
    }
}

Describe 'The package through PSResourceGet, as a user installs it' {
    BeforeAll {
        $go = New-GoFixture -NoDefaultUpstream
        $feed = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine($work, 'feed')).FullName
        $modules = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine($work, 'modules')).FullName
        # PSResourceGet keeps its repository list under the user's data folder: give the child pwsh its own.
        # (.NET gives an empty data folder, and so a path under the current folder, when the folder does not exist.)
        $data = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine($work, 'data')).FullName
        $isolated = @{ XDG_DATA_HOME = $data; LOCALAPPDATA = $data }
        $publishLines = @(Invoke-FreshPwsh -Environment $isolated -Command @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name OcelotLocal -Uri '$feed' -Trusted
Publish-PSResource -Path '$packageFolder' -Repository OcelotLocal
Save-PSResource -Name Ocelot -Repository OcelotLocal -Path '$modules' -TrustRepository
(Get-ChildItem -LiteralPath '$feed' -Name) -join ','
"@)
    }

    AfterAll {
        Remove-GoFixture $go
    }

    It 'publishes a nupkg and installs the module by name' {
        [System.IO.File]::Exists([System.IO.Path]::Combine($data, 'PSResourceGet', 'PSResourceRepository.xml')) | Should -BeTrue
        $publishLines[-1] | Should -BeLike "ocelot.$version.nupkg"
        [System.IO.File]::Exists([System.IO.Path]::Combine($modules, 'Ocelot', $version, 'Ocelot.psd1')) | Should -BeTrue
    }

    It 'imports by name in a fresh pwsh and runs a pipeline' {
        $environment = $isolated + @{ PSModulePath = $modules }
        $lines = @(Invoke-FreshPwsh -Environment $environment -Command @"
`$ErrorActionPreference = 'Stop'
Import-Module Ocelot
(Get-Module Ocelot).ModuleBase
`$artifact = Get-OcelotDistribution minimal | Invoke-OcelotBuild -Arch arm64 -UpstreamRepo '$($go.UpstreamFolder)' -OutputDirectory '$($go.OutputFolder)' -WarningAction SilentlyContinue
(`$artifact.Components | ForEach-Object { "`$_" }) -join ','
(Get-Help Invoke-OcelotBuild).Synopsis
"@)
        $lines[0] | Should -Be ([System.IO.Path]::Combine($modules, 'Ocelot', $version))
        # What Go compiled into the minimal layer (however the component objects print: kind.type or kind/type).
        $components = $lines[1] -split ','
        $components | Should -HaveCount 4
        foreach ($expected in 'otlphttp', 'batch', 'decouple', 'otlp') { $components | Where-Object { $_ -like "*$expected" } | Should -Not -BeNullOrEmpty }
        $lines[2] | Should -Be 'Builds the collector layer zip of distributions, for one or more architectures.'
    }
}
