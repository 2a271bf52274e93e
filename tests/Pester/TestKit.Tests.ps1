# The shared test kit itself: servers stop by their own pid, and environments are undone, so no test leaks into another.
BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestKit.psm1')) -Force
}

Describe 'TestKit' {
    It 'starts moto_server on a free loopback port and stops exactly that process' {
        $moto = Start-MotoServer
        try {
            $moto.Endpoint | Should -Match '\Ahttp://127\.0\.0\.1:\d+\z'
            $aws = Enter-AwsTestEnvironment -Moto $moto
            try { (Invoke-AwsCli $moto lambda list-layers --region us-east-1).Layers | Should -BeNullOrEmpty }
            finally { Exit-AwsTestEnvironment $aws }
        } finally {
            Stop-MotoServer $moto
        }
        Get-Process -Id $moto.ProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        { Wait-LoopbackPort -Port $moto.Port -Timeout ([TimeSpan]::FromMilliseconds(300)) } | Should -Throw
    }

    It 'points the AWS tools away from ~/.aws and restores the environment afterwards' {
        $env:AWS_PROFILE = 'developer-profile'
        try {
            $aws = Enter-AwsTestEnvironment
            $env:AWS_PROFILE | Should -BeNullOrEmpty
            $env:AWS_CONFIG_FILE | Should -Be $aws.ConfigFile
            $env:AWS_SHARED_CREDENTIALS_FILE | Should -Be $aws.CredentialsFile
            $env:AWS_CONFIG_FILE | Should -Not -BeLike "$HOME*"
            Exit-AwsTestEnvironment $aws
            $env:AWS_PROFILE | Should -Be 'developer-profile'
            [System.IO.Directory]::Exists($aws.Folder) | Should -BeFalse
        } finally {
            Remove-Item Env:AWS_PROFILE -ErrorAction SilentlyContinue
        }
    }

    It 'lays out the fixture upstream and module proxy the way the xunit fixture does, and undoes its environment' {
        $before = $env:GOPROXY
        $go = New-GoFixture -NoDefaultUpstream
        try {
            $env:GOPROXY | Should -Be ([Uri]::new($go.ProxyFolder).AbsoluteUri)
            $env:GOFLAGS | Should -Be '-mod=mod -modcacherw'
            $env:OCELOT_CACHE | Should -Be $go.CacheFolder
            Invoke-FixtureGit $go.UpstreamFolder tag --list | Should -Be 'v0.158.0-fixture'
            Get-Content -LiteralPath ([System.IO.Path]::Combine($go.ProxyFolder, 'go.opentelemetry.io', 'collector', 'otelcol', '@v', 'list')) |
                Should -Be 'v0.158.0'
            # Fixed dates make the commit the same on every machine and in both suites.
            $second = New-FixtureUpstream -Folder ([System.IO.Path]::Combine($go.Root, 'second'))
            $second | Should -Be $go.UpstreamCommit
        } finally {
            Remove-GoFixture $go
        }
        $env:GOPROXY | Should -Be $before
        [System.IO.Directory]::Exists($go.Root) | Should -BeFalse
    }
}
