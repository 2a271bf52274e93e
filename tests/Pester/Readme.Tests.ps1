# The README's "Try it offline" block, run as written in a fresh pwsh at the repository root.
BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestKit.psm1')) -Force
    $root = Get-RepositoryRoot
    $readme = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($root, 'README.md'))
    $block = [regex]::Match($readme, '<!-- try-offline:[^\n]*-->\n```powershell\n(?<code>.*?)\n```', 'Singleline')
}

Describe 'README: Try it offline' {
    It 'has the block' {
        $block.Success | Should -BeTrue
    }

    It 'runs the main job against the fixture and moto, and the prune only says what it would do' {
        $script = "Set-Location '$root'`n" + $block.Groups['code'].Value
        $lines = @(Invoke-FreshPwsh -Command $script)
        $lines | Should -Contain 'ocel-arm64-minimal-0_158_0-prod'
        $lines | Should -Contain 'dev-scratch'
        @($lines | Where-Object { $_ -like 'What if:*dev-scratch*' }) | Should -HaveCount 1
        $lines | Where-Object { $_ -like '*Exception*' -or $_ -like '*Error*' } | Should -BeNullOrEmpty
    }
}
