# Build-side conventions on the offline Go fixture and moto: strings bind as distribution names, -SkipCache has a name
# of its own, and distributions and artifacts round-trip through Clixml (and are refused, plainly, from CSV).
BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestKit.psm1')) -Force
    Import-OcelotUnderTest
    $moto = Start-MotoServer
    $aws = Enter-AwsTestEnvironment -Moto $moto
    $go = New-GoFixture
    Push-Location $go.OutputFolder
    Initialize-OcelotMetadataTable -Region us-east-1 -Force
    $artifact = 'minimal' | Invoke-OcelotBuild
}

AfterAll {
    Pop-Location
    Remove-GoFixture $go
    Exit-AwsTestEnvironment $aws
    Stop-MotoServer $moto
}

Describe 'Build conventions' {
    It "'minimal' | Invoke-OcelotBuild builds the distribution of that name" {
        $artifact | Should -HaveCount 1
        $artifact.Distribution | Should -Be 'minimal'
        $artifact.Architecture | Should -Be 'amd64'
        Test-Path -LiteralPath $artifact.Path | Should -BeTrue
    }

    It 'builds a distribution read back with Import-Clixml' {
        $path = [System.IO.Path]::Combine($go.Root, 'distribution.clixml')
        Get-OcelotDistribution minimal | Export-Clixml -LiteralPath $path
        $rebuilt = Import-Clixml -LiteralPath $path | Invoke-OcelotBuild
        $rebuilt.Distribution | Should -Be 'minimal'
        $rebuilt.Md5 | Should -Be $artifact.Md5
    }

    It '-WhatIf says which zip each distribution would become, and fetches and writes nothing' {
        $out = [System.IO.Path]::Combine($go.Root, 'whatif-out')
        $manifest = [System.IO.Path]::Combine((Get-RepositoryRoot), 'Ocelot.psd1')
        $lines = Invoke-FreshPwsh ("Import-Module '$manifest'; " +
            "'minimal', 'minimal-forwarder' | Invoke-OcelotBuild -Arch amd64, arm64 -UpstreamRepo '$($go.UpstreamFolder)' -UpstreamRef does-not-exist -OutputDirectory '$out' -WhatIf") `
            -Environment @{ OCELOT_CACHE = [System.IO.Path]::Combine($go.Root, 'whatif-cache') }
        $whatIf = @($lines | Where-Object { $_ -like 'What if:*' })
        $whatIf | Should -HaveCount 2
        $whatIf[0] | Should -BeLike "*$([System.IO.Path]::Combine($out, 'collector-amd64-minimal.zip')), $([System.IO.Path]::Combine($out, 'collector-arm64-minimal.zip'))*"
        $whatIf[1] | Should -BeLike '*collector-amd64-minimal-forwarder.zip*'
        Test-Path -LiteralPath $out | Should -BeFalse
        Test-Path -LiteralPath ([System.IO.Path]::Combine($go.Root, 'whatif-cache')) | Should -BeFalse
    }

    It '-SkipCache builds from source again; without it the cache answers' {
        (Invoke-OcelotBuild -Distribution minimal).FromCache | Should -BeTrue
        $fresh = Invoke-OcelotBuild -Distribution minimal -SkipCache
        $fresh.FromCache | Should -BeFalse
        $fresh.Md5 | Should -Be $artifact.Md5
    }

    It 'publishes an artifact read back with Import-Clixml exactly as the live one' {
        $path = [System.IO.Path]::Combine($go.Root, 'artifact.clixml')
        $artifact | Export-Clixml -LiteralPath $path
        $published = Import-Clixml -LiteralPath $path | Publish-OcelotLayer -Region us-east-1 -Force
        $published.LayerName | Should -Be 'ocel-amd64-minimal-0_158_0-prod'
        $published.Status | Should -Be 'Published'
        $tags = ($artifact.BuildTags | ForEach-Object { $_ -replace '^lambdacomponents\.', '' }) -join ', '
        $published.Description | Should -Be "md5: $($artifact.Md5) | $tags"
        $live = $artifact | Publish-OcelotLayer -Region us-east-1 -Force
        $live.LayerVersionArn | Should -Be $published.LayerVersionArn
        $live.Status | Should -Be 'Reused'
    }

    It 'refuses an artifact read back with Import-Csv (its BuildTags became a type name) and publishes nothing' {
        $path = [System.IO.Path]::Combine($go.Root, 'artifact.csv')
        $artifact | Export-Csv -LiteralPath $path
        (Import-Csv -LiteralPath $path).BuildTags | Should -Be 'System.String[]'
        $caught = $null
        try { Import-Csv -LiteralPath $path | Publish-OcelotLayer -Region eu-west-1 -Force } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'InputObjectInvalid,*'
        $caught.Exception.Message | Should -BeLike '*BuildTags*System.String`[`]*'
        @((Invoke-AwsCli $moto lambda list-layer-versions --region eu-west-1 --layer-name ocel-amd64-minimal-0_158_0-prod).LayerVersions) |
            Should -BeNullOrEmpty
    }

    It 'refuses a Go that cannot switch toolchains, naming both versions and why (Go 1.19 here)' {
        $future = [System.IO.Path]::Combine($go.Root, 'future-go-upstream')
        Invoke-FixtureGit $go.Root clone -q $go.UpstreamFolder $future | Out-Null
        $goMod = [System.IO.Path]::Combine($future, 'collector', 'go.mod')
        [System.IO.File]::WriteAllText($goMod, [System.IO.File]::ReadAllText($goMod).Replace("`ngo 1.19`n", "`ngo 1.99.1`n"))
        Invoke-FixtureGit $future commit -q -am 'needs a newer go' | Out-Null
        $caught = $null
        try { Invoke-OcelotBuild -Distribution minimal -UpstreamRepo $future -SkipCache -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'GoToolchainTooOld,Ocelot.Commands.InvokeOcelotBuildCommand'
        $caught.Exception.Message | Should -BeLike '*1.99.1*'
        $caught.Exception.Message | Should -BeLike '*go1.19*'
        $caught.Exception.Message | Should -BeLike '*older than 1.21*'
    }

    It 'reports the stage really running, a few progress records a second, for one small publish' {
        $zip = New-LayerTestZip -Path ([System.IO.Path]::Combine($go.Root, 'progress.zip')) -Bytes (6 * 1024 * 1024)
        $manifest = [System.IO.Path]::Combine((Get-RepositoryRoot), 'Ocelot.psd1')
        # A nested engine in this pwsh: its Streams.Progress holds every progress record the cmdlet wrote.
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$manifest'; Publish-OcelotLayer -Path '$zip' -Distribution progress-check -Architecture amd64 -CollectorVersion v0.158.0 -Region us-east-1 -SkipMetadata -Force")
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $published = $shell.Invoke()
            $clock.Stop()
            $shell.Streams.Error | Should -BeNullOrEmpty
            $published.Status | Should -Be 'Published'
            $records = @($shell.Streams.Progress)
            $statuses = $records.StatusDescription
            $statuses | Where-Object { $_ -like 'checking for a version with the same content*' } | Should -Not -BeNullOrEmpty
            $statuses | Where-Object { $_ -like '*waiting for Lambda to publish*' } | Should -Not -BeNullOrEmpty
            # At most a few records a second (plus the fixed stage records), however many bytes go through.
            $records.Count | Should -BeLessOrEqual ([Math]::Ceiling($clock.Elapsed.TotalSeconds) * 5 + 12)
        } finally { $shell.Dispose() }
    }
}
