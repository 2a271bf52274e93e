BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestKit.psm1')) -Force
    Import-OcelotUnderTest
    $repositoryRoot = Get-RepositoryRoot
    $upstreamConfig = [System.IO.Path]::Combine($repositoryRoot, 'tests', 'Ocelot.Module.Tests', 'Fixtures', 'upstream', 'collector', 'config.yaml')
    $forwarder = [System.IO.Path]::Combine((Get-TestConfigFolder), 'collector-configs', 'forwarder.yaml')
    $work = New-TestFolder -Prefix 'ocelot-pester-config-'
    # An empty build cache: -Distribution then has no earlier build to check against, whatever the machine has built.
    # -Distribution resolves in the tests' own config, not the shipped one.
    $cache = Enter-TestEnvironment @{ OCELOT_CACHE = Join-Path $work 'cache'; OCELOT_CONFIG_PATH = Get-TestConfigFolder }
    Copy-Item $upstreamConfig (Join-Path $work 'debug.yaml')
    Copy-Item $forwarder (Join-Path $work 'forwarder.yaml')
}

AfterAll {
    Exit-TestEnvironment $cache
    Remove-TestFolder $work
}

Describe 'Test-OcelotCollectorConfig in real pwsh' {
    It 'takes FileInfo objects from Get-ChildItem and returns one result per file' {
        $results = Get-ChildItem -Path $work -Filter *.yaml | Sort-Object Name |
            Test-OcelotCollectorConfig -Distribution minimal-forwarder -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $results.Count | Should -Be 2
        ($results | ForEach-Object { Split-Path $_.Path -Leaf }) | Should -Be @('debug.yaml', 'forwarder.yaml')
        $results.IsValid | Should -Be @($false, $true)
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'CollectorConfigComponentNotInLayer,Ocelot.Commands.TestOcelotCollectorConfigCommand'
        $problems[0].Exception.Message | Should -BeLike '*debug.yaml:10:3: exporter ''debug'' is not in this layer*add lambdacomponents.exporter.debug*'
    }

    It 'expands wildcards in -Path relative to the current location' {
        Push-Location $work
        try {
            $results = Test-OcelotCollectorConfig -Path ./*.yaml -Distribution minimal-forwarder -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        }
        finally { Pop-Location }
        $results.Count | Should -Be 2
    }

    It 'writes warnings with their id and keeps the config valid' {
        $config = Join-Path $work 'env.yaml'
        (Get-Content -Raw $forwarder).Replace('${secretsmanager:serverless-otlp-forwarder/default#endpoint}', '${env:BACKEND}') | Set-Content $config
        $result = Test-OcelotCollectorConfig $config -Distribution minimal-forwarder -WarningVariable warnings 3>$null
        $result.IsValid | Should -BeTrue
        $result.WarningCount | Should -Be 1
        $warnings.Message | Should -Contain ($warnings.Message | Where-Object { $_ -like 'CollectorConfigEnvWithoutDefault: *env.yaml:16:15:*BACKEND*' })
        Remove-Item $config
    }

    It 'shows results and problems as tables' {
        $result = Test-OcelotCollectorConfig (Join-Path $work 'debug.yaml') -Distribution minimal -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $table = $result | Out-String -Width 200
        $table | Should -Match 'IsValid\s+ErrorCount\s+WarningCount\s+CheckedAgainst\s+Path'
        $table | Should -Match 'False\s+1\s+0\s+distribution minimal'
        $result.Problems | Out-String -Width 200 | Should -Match 'Error\s+10\s+3\s+CollectorConfigComponentNotInLayer\s+exporter ''debug'''
    }

    It 'completes -Distribution names' {
        $line = 'Test-OcelotCollectorConfig -Distribution minimal-f'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'minimal-forwarder'
    }

    It 'checks a deserialized artifact (Export-Clixml, Import-Clixml) against its recorded components' {
        $components = @(
            [Ocelot.OcelotLayerComponent]@{ Kind = 'receiver'; Type = 'otlp'; Signals = @('traces', 'metrics', 'logs'); FromMetadata = $true }
            [Ocelot.OcelotLayerComponent]@{ Kind = 'exporter'; Type = 'otlphttp'; Signals = @('traces', 'metrics', 'logs'); FromMetadata = $true }
            [Ocelot.OcelotLayerComponent]@{ Kind = 'connector'; Type = 'spaneventtolog'; Signals = @('traces_to_logs'); FromMetadata = $true }
            [Ocelot.OcelotLayerComponent]@{ Kind = 'extension'; Type = 'asmauthextension'; FromMetadata = $true }
        )
        $artifact = [pscustomobject]@{ Distribution = 'minimal-forwarder'; Architecture = 'arm64'; Components = $components; ConfigProviders = @('env', 'secretsmanager') }
        $file = Join-Path $work 'artifact.xml'
        $artifact | Export-Clixml $file
        $results = Import-Clixml $file | Test-OcelotCollectorConfig -Path (Join-Path $work 'forwarder.yaml'), (Join-Path $work 'debug.yaml') -ErrorAction SilentlyContinue
        $results.IsValid | Should -Be @($true, $false)
        $results[0].CheckedAgainst | Should -Be 'minimal-forwarder for arm64'
    }

    It 'refuses an input that records no components' {
        { [pscustomobject]@{ LayerVersionArn = 'arn:aws:lambda:us-east-1:123456789012:layer:old:3' } | Test-OcelotCollectorConfig -Path $forwarder -ErrorAction Stop } |
            Should -Throw -ErrorId 'CollectorConfigTargetMissing,Ocelot.Commands.TestOcelotCollectorConfigCommand'
    }

    It 'shows the layer component count in the distribution table' {
        Get-OcelotDistribution minimal* | Out-String -Width 200 | Should -Match 'minimal\s+5\s+4\s+OTLP receiver'
        Get-OcelotDistribution minimal | Out-String -Width 200 | Should -Match 'LayerComponents : exporter.otlphttp\s+processor.batch\s+processor.decouple\s+receiver.otlp'
    }
}
