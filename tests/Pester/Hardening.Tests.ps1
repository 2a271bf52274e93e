# Issue 8, build side, in real pwsh as users run it: hostile configuration and credentials in an upstream URL.
BeforeAll {
    $repositoryRoot = (Resolve-Path ([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))).Path
    Import-Module ([System.IO.Path]::Combine($repositoryRoot, 'Ocelot.psd1')) -Force
    $config = (New-Item -ItemType Directory -Path ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "ocelot-pester-$([guid]::NewGuid().ToString('N'))"))).FullName
}

AfterAll {
    Remove-Item -LiteralPath $config -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Hostile configuration files' {
    It 'reports a second YAML document as one error that try/catch sees' {
        Set-Content -LiteralPath ([System.IO.Path]::Combine($config, 'distributions.yaml')) -Value "a:`n  buildtags: [lambdacomponents.custom]`n---`nb: {}`n"
        $caught = try { Get-OcelotDistribution -ConfigPath $config -ErrorAction Stop } catch { $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'ConfigMultipleDocuments,*'
        $caught.CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'refuses nesting 100000 levels deep without crashing pwsh' {
        Set-Content -LiteralPath ([System.IO.Path]::Combine($config, 'distributions.yaml')) -Value (('[' * 100000) + (']' * 100000))
        $caught = try { Get-OcelotDistribution -ConfigPath $config -ErrorAction Stop } catch { $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'ConfigNestingTooDeep,*'
    }
}

Describe 'Credentials in an upstream URL' {
    It 'never repeats them in the error, its target or any stream' {
        $caught = $null
        $output = & {
            try { Invoke-OcelotBuild -Distribution minimal -UpstreamRepo 'https://ci:PesterS3cretQ@github.com/a b' -OutputDirectory $config -Verbose }
            catch { $script:caught = $_ }
        } *>&1 | Out-String
        $script:caught.FullyQualifiedErrorId | Should -BeLike 'UpstreamRepositoryInvalid,*'
        "$($script:caught) $($script:caught.TargetObject) $($script:caught.ErrorDetails) $output" | Should -Not -Match 'PesterS3cretQ'
        "$($script:caught.TargetObject)" | Should -Match '\*\*\*@github\.com'
    }
}
