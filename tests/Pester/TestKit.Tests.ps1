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

    It 'sets, removes and puts back process variables in one scope, a variable that was unset staying unset' {
        $name = "OCELOT_TESTKIT_$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        [Environment]::SetEnvironmentVariable("$($name)_KEPT", 'before')
        try {
            $scope = Enter-TestEnvironment @{ $name = 'set'; "$($name)_KEPT" = $null }
            [Environment]::GetEnvironmentVariable($name) | Should -Be 'set'
            # $null removes the variable (PowerShell would otherwise pass '' to .NET).
            [Environment]::GetEnvironmentVariables().Contains("$($name)_KEPT") | Should -BeFalse
            $null = Enter-TestEnvironment -Scope $scope @{ $name = 'changed again' }
            Exit-TestEnvironment $scope
            [Environment]::GetEnvironmentVariables().Contains($name) | Should -BeFalse
            [Environment]::GetEnvironmentVariable("$($name)_KEPT") | Should -Be 'before'
        } finally {
            [Environment]::SetEnvironmentVariable("$($name)_KEPT", [NullString]::Value)
        }
    }

    It 'gives build tests the test config folder by default and takes it back' {
        $before = $env:OCELOT_CONFIG_PATH
        $go = New-GoFixture
        try {
            $env:OCELOT_CONFIG_PATH | Should -Be (Get-TestConfigFolder)
            [System.IO.File]::Exists([System.IO.Path]::Combine((Get-TestConfigFolder), 'distributions.yaml')) | Should -BeTrue
            (Get-TestConfigFolder) | Should -Not -Be ([System.IO.Path]::Combine((Get-RepositoryRoot), 'config'))
        } finally {
            Remove-GoFixture $go
        }
        $env:OCELOT_CONFIG_PATH | Should -Be $before
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
