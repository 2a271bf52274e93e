# Get-Help as a user calls it in real pwsh: the help the build generated from docs/cmdlets, checked against the cmdlets.
BeforeDiscovery {
    $repositoryRoot = (Resolve-Path ([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))).Path
    $cmdletNames = (Import-PowerShellDataFile ([System.IO.Path]::Combine($repositoryRoot, 'Ocelot.psd1'))).CmdletsToExport
}

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestKit.psm1')) -Force
    Import-OcelotUnderTest
    $projectUri = (Import-PowerShellDataFile ([System.IO.Path]::Combine((Get-RepositoryRoot), 'Ocelot.psd1'))).PrivateData.PSData.ProjectUri
}

Describe 'Get-Help <_>' -ForEach $cmdletNames {
    BeforeAll {
        $name = $_
        $command = Get-Command $name
        $help = Get-Help $name -Full
    }

    It 'has a synopsis and a description of what it does and when to use it' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$name *"   # not the generated placeholder
        @($help.description).Count | Should -BeGreaterOrEqual 2
        ($help.description.Text -join ' ') | Should -Match '\bUse\b|\bwhen\b|\bRun\b'
    }

    It 'has at least two examples, each with code that runs the cmdlet and an explanation' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -BeLike "*$name*"
            ($example.remarks.Text -join '').Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'describes every parameter with its default value, aliases, wildcard support and pipeline input' {
        $common = [System.Management.Automation.Cmdlet]::CommonParameters
        foreach ($parameter in $command.Parameters.Values | Where-Object Name -notin $common) {
            $entry = $help.parameters.parameter | Where-Object name -eq $parameter.Name
            $entry | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name)"
            ($entry.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name)"
            $entry.defaultValue | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name)"
            $aliases = if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'none' }
            $entry.aliases | Should -Be $aliases -Because "-$($parameter.Name)"
            $wildcards = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            $entry.globbing | Should -Be $wildcards.ToString().ToLowerInvariant() -Because "-$($parameter.Name)"
            $byValue = [bool]($parameter.ParameterSets.Values | Where-Object ValueFromPipeline)
            $byName = [bool]($parameter.ParameterSets.Values | Where-Object ValueFromPipelineByPropertyName)
            ($entry.pipelineInput -like '*ByValue*') | Should -Be $byValue -Because "-$($parameter.Name)"
            ($entry.pipelineInput -like '*ByPropertyName*') | Should -Be $byName -Because "-$($parameter.Name)"
        }
    }

    It 'shows -WhatIf and -Confirm in the syntax exactly when it supports them' {
        $syntax = ($help.syntax | Out-String -Width 400)
        $supports = $command.Parameters.ContainsKey('WhatIf')
        ($syntax -like '*-WhatIf*') | Should -Be $supports
        ($syntax -like '*-Confirm*') | Should -Be $supports
    }

    It 'wraps its paragraphs to the console width (no hard line breaks)' {
        $narrow = (Get-Help $name -Full | Out-String -Width 80) -split "`r?`n"
        $wide = (Get-Help $name -Full | Out-String -Width 200) -split "`r?`n"
        $narrow | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
        # The same paragraphs take fewer lines on a wider console.
        $wide.Count | Should -BeLessThan $narrow.Count
        $firstParagraph = $help.description[0].Text.Trim()
        $firstParagraph | Should -Not -Match "`n"
        $unbounded = (Get-Help $name -Full | Out-String -Width 2000) -split "`r?`n"
        $unbounded | Where-Object { $_.Trim() -eq $firstParagraph } | Should -Not -BeNullOrEmpty -Because 'a paragraph shorter than the line is one line'
    }

    It 'links to its page under the project''s ProjectUri' {
        $uri = "$projectUri/blob/main/docs/cmdlets/$name.md"
        $command.HelpUri | Should -Be $uri
        $help.relatedLinks.navigationLink.uri | Should -Contain $uri
        [System.IO.File]::Exists([System.IO.Path]::Combine((Get-RepositoryRoot), 'docs', 'cmdlets', "$name.md")) | Should -BeTrue
    }
}

Describe 'Get-Help details a user looks up' {
    It 'shows the alias of -Architecture and its valid values' {
        $text = Get-Help Invoke-OcelotBuild -Parameter Architecture | Out-String -Width 200
        $text | Should -BeLike '*Aliases*Arch*'
        (Get-Help Invoke-OcelotBuild).syntax | Out-String -Width 400 | Should -BeLike '*-Architecture {amd64 | arm64}*'
    }

    It 'shows default values the cmdlet starts with and the ones it resolves at run time' {
        (Get-Help Invoke-OcelotBuild -Parameter OutputDirectory).defaultValue | Should -Be './build'
        (Get-Help Get-OcelotLayer -Parameter Pattern).defaultValue | Should -Be '*'
        (Get-Help Publish-OcelotLayer -Parameter Region).defaultValue | Should -BeLike '*AWS_REGION*AWS_DEFAULT_REGION*profile*'
    }

    It 'says which parameters take wildcards and pipeline input' {
        (Get-Help Get-OcelotDistribution -Parameter Name).globbing | Should -Be 'true'
        (Get-Help Get-OcelotDistribution -Parameter Name).pipelineInput | Should -Be 'True (ByValue, ByPropertyName)'
        (Get-Help Publish-OcelotLayer -Parameter InputObject).pipelineInput | Should -Be 'True (ByValue)'
    }

    It 'finds about_Ocelot' {
        Get-Help about_Ocelot | Out-String | Should -Not -BeNullOrEmpty
    }
}

Describe 'The help generator the build runs' {
    BeforeAll {
        $docs = New-TestFolder
        Copy-Item -Path ([System.IO.Path]::Combine((Get-RepositoryRoot), 'docs', 'cmdlets', '*.md')) -Destination $docs
        $generator = [System.IO.Path]::Combine((Get-RepositoryRoot), 'tools', 'Write-OcelotHelp.ps1')
        $assembly = [System.IO.Path]::Combine((Get-RepositoryRoot), 'bin', 'Ocelot.dll')
        $output = [System.IO.Path]::Combine($docs, 'out', 'Ocelot.dll-Help.xml')
        function Invoke-Generator {
            # In a fresh pwsh, as the build runs it: this session already has the module loaded.
            try {
                Invoke-FreshPwsh "& '$generator' -AssemblyPath '$assembly' -DocsFolder '$docs' -OutputPath '$output' -ManifestPath '$(Get-RepositoryRoot)/Ocelot.psd1'"
            } catch {
                "$_"
            }
        }
    }

    AfterAll {
        Remove-TestFolder $docs
    }

    It 'fails naming the page to write when a cmdlet has none, and writes no help file' {
        Remove-Item -LiteralPath ([System.IO.Path]::Combine($docs, 'Remove-OcelotLayer.md'))
        $text = (Invoke-Generator) -join "`n"
        $text | Should -BeLike '*docs/cmdlets/Remove-OcelotLayer.md: error OCH001: Remove-OcelotLayer has no help page: write docs/cmdlets/Remove-OcelotLayer.md*'
        [System.IO.File]::Exists($output) | Should -BeFalse
    }

    It 'fails when a page has fewer than two explained examples' {
        Copy-Item -LiteralPath ([System.IO.Path]::Combine((Get-RepositoryRoot), 'docs', 'cmdlets', 'Remove-OcelotLayer.md')) -Destination $docs
        $page = [System.IO.Path]::Combine($docs, 'Get-OcelotLayer.md')
        $text = [System.IO.File]::ReadAllText($page)
        $examples = $text.IndexOf('## Examples')
        [System.IO.File]::WriteAllText($page, $text.Substring(0, $examples) + "## Examples`n### Example 1: Only code`n``````powershell`nGet-OcelotLayer`n```````n")
        $text = (Invoke-Generator) -join "`n"
        $text | Should -BeLike "*Get-OcelotLayer.md: error OCH001: example 'Example 1: Only code' has no explanation*"
        $text | Should -BeLike "*Get-OcelotLayer.md: error OCH001: '## Examples' needs at least two examples*"
    }
}
