# Tab completion as a user gets it: TabExpansion2 in real pwsh, module imported through its manifest.
BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestKit.psm1')) -Force
    Import-OcelotUnderTest
    $aws = Enter-AwsTestEnvironment
    $go = New-GoFixture -NoDefaultUpstream
}

AfterAll {
    Remove-GoFixture $go
    Exit-AwsTestEnvironment $aws
}

Describe '-ProfileName completion' {
    BeforeAll {
        Set-Content -LiteralPath $aws.ConfigFile -Value @(
            '[default]', 'region = us-east-1', '[profile ci]', 'region = eu-west-1', '[profile team a]',
            '[sso-session corp]', 'sso_region = us-east-1', '[services local]', 'lambda =', '[not-a-profile]')
        Set-Content -LiteralPath $aws.CredentialsFile -Value @('[prod]', 'aws_access_key_id = x', '[ci]', 'aws_access_key_id = y')
    }

    It 'offers the profiles of the config and credentials files in effect, and nothing else' {
        Get-Completion 'Publish-OcelotLayer -ProfileName ' | Should -Be @('ci', 'default', 'prod', "'team a'")
    }

    It 'offers them on every AWS cmdlet' {
        foreach ($command in 'Get-OcelotLayer', 'Remove-OcelotLayer', 'Initialize-OcelotMetadataTable') {
            Get-Completion "$command -ProfileName p" | Should -Be @('prod')
        }
    }

    It 'follows AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE when they change in the same session' {
        $other = [System.IO.Path]::Combine($aws.Folder, 'other-config')
        Set-Content -LiteralPath $other -Value '[profile staging]'
        $scope = Enter-TestEnvironment @{ AWS_CONFIG_FILE = $other }
        try {
            Get-Completion 'Get-OcelotLayer -ProfileName ' | Should -Be @('ci', 'prod', 'staging')
        } finally {
            Exit-TestEnvironment $scope
        }
    }
}

Describe '-Region completion' {
    It 'offers the commercial regions matching what was typed' {
        $regions = Get-Completion 'Publish-OcelotLayer -Region us-east'
        $regions | Should -Contain 'us-east-1'
        $regions | Should -Contain 'us-east-2'
        $regions | Should -Not -Contain 'us-east-1-regional'
    }

    It 'never offers isolated partitions, pseudo-regions, China or GovCloud unless their prefix is typed' {
        $all = Get-Completion 'Get-OcelotLayer -Region '
        $all | Should -Contain 'eu-west-1'
        $all | Where-Object { $_ -like 'us-iso*' -or $_ -like 'eu-isoe*' -or $_ -like 'cn-*' -or $_ -like 'us-gov-*' -or $_ -like '*global*' -or $_ -like '*-regional' } |
            Should -BeNullOrEmpty
        Get-Completion 'Get-OcelotLayer -Region cn-' | Should -Contain 'cn-north-1'
        Get-Completion 'Get-OcelotLayer -Region us-gov-' | Should -Contain 'us-gov-west-1'
    }

    It 'completes -MetadataRegion and the Region of every AWS cmdlet' {
        foreach ($line in 'Initialize-OcelotMetadataTable -Region eu-west-', 'Remove-OcelotLayer -Pattern x -Region eu-west-', 'Get-OcelotLayer -MetadataRegion eu-west-') {
            Get-Completion $line | Should -Contain 'eu-west-1'
        }
    }
}

Describe '-CompatibleRuntime completion' {
    It 'offers Lambda runtime identifiers' {
        $runtimes = Get-Completion 'Publish-OcelotLayer -CompatibleRuntime python3.1'
        $runtimes | Should -Contain 'python3.12'
        $runtimes | Should -Contain 'python3.13'
        $runtimes | Where-Object { $_ -notlike 'python3.1*' } | Should -BeNullOrEmpty
        Get-Completion 'Publish-OcelotLayer -CompatibleRuntime provided' | Should -Be @('provided.al2023', 'provided.al2')
    }
}

Describe '-UpstreamRef completion' {
    BeforeAll {
        $null = Invoke-FixtureGit $go.UpstreamFolder branch 'release/0.158'
        $null = Invoke-FixtureGit $go.UpstreamFolder tag 'layer-collector/0.16.0'
    }

    It 'offers the branches, then the tags, of the upstream named on the line' {
        Get-Completion "Invoke-OcelotBuild minimal -UpstreamRepo '$($go.UpstreamFolder)' -UpstreamRef " |
            Should -Be @('main', 'release/0.158', 'layer-collector/0.16.0', 'v0.158.0-fixture')
        Get-Completion "Invoke-OcelotBuild minimal -UpstreamRepo '$($go.UpstreamFolder)' -UpstreamRef v0" | Should -Be @('v0.158.0-fixture')
    }

    It 'offers nothing, quietly, for an upstream that is not on disk' {
        Get-Completion 'Invoke-OcelotBuild minimal -UpstreamRepo nobody/nothing -UpstreamRef ' | Should -BeNullOrEmpty
    }
}

Describe 'Distribution completion' {
    It 'offers the distribution names on every distribution parameter' {
        foreach ($line in 'Get-OcelotDistribution minimal', 'Get-OcelotDistribution -Name minimal', 'Invoke-OcelotBuild minimal',
            'Invoke-OcelotBuild -Distribution minimal', 'Publish-OcelotLayer -Path x.zip -Distribution minimal',
            'Get-OcelotLayer -Distribution minimal', 'ConvertTo-OcelotReport ReleaseNotes -Distribution minimal') {
            $names = Get-Completion $line
            $names | Should -Contain 'minimal' -Because $line
            $names | Should -Contain 'minimal-forwarder' -Because $line
        }
    }

    It 'reads the configuration given by -ConfigPath on the same line' {
        $config = New-TestFolder
        try {
            Set-Content -LiteralPath ([System.IO.Path]::Combine($config, 'distributions.yaml')) -Value @(
                'team-edge:', '  buildtags: [lambdacomponents.custom, lambdacomponents.receiver.otlp]')
            Get-Completion "Invoke-OcelotBuild -ConfigPath '$config' -Distribution te" | Should -Be @('team-edge')
        } finally {
            Remove-TestFolder $config
        }
    }

    It 'completes -Architecture and -Format from their valid values' {
        Get-Completion 'Invoke-OcelotBuild minimal -Architecture ' | Should -Be @('amd64', 'arm64')
        Get-Completion 'ConvertTo-OcelotReport -Format ' | Should -Be @('Json', 'Markdown', 'ReleaseNotes', 'Terraform')
    }
}
