# Each cmdlet's main paths and errors (by FullyQualifiedErrorId), its -WhatIf text and its format view, in real pwsh
# against one moto_server and one offline Go fixture.
BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestKit.psm1')) -Force
    Import-OcelotUnderTest
    $moto = Start-MotoServer
    $aws = Enter-AwsTestEnvironment -Moto $moto
    $go = New-GoFixture
    Push-Location $go.OutputFolder
    $manifest = [System.IO.Path]::Combine((Get-RepositoryRoot), 'Ocelot.psd1')
    function Get-ErrorId([scriptblock] $Script) {
        try { & $Script -ErrorAction Stop; $null } catch { $_.FullyQualifiedErrorId }
    }
    $artifact = Invoke-OcelotBuild minimal -Arch arm64
}

AfterAll {
    Pop-Location
    Remove-GoFixture $go
    Exit-AwsTestEnvironment $aws
    Stop-MotoServer $moto
}

Describe 'Get-OcelotDistribution' {
    It 'returns every distribution of the configuration in effect, in file order' {
        $file = [System.IO.Path]::Combine((Get-TestConfigFolder), 'distributions.yaml')
        $names = Get-Content -LiteralPath $file | Where-Object { $_ -match '\A([a-z][a-z0-9-]*):\s*\z' } | ForEach-Object { $Matches[1] }
        (Get-OcelotDistribution).Name | Should -Be $names
    }

    It 'matches wildcards, ignoring case' {
        $names = (Get-OcelotDistribution MINIMAL*).Name
        $names | Should -Contain 'minimal'
        $names | Should -Contain 'minimal-forwarder'
        $names | Where-Object { $_ -notlike 'minimal*' } | Should -BeNullOrEmpty
    }

    It 'writes a non-terminating DistributionNotFound for an unknown name and still returns the others' {
        $found = Get-OcelotDistribution minimal, nosuch -ErrorAction SilentlyContinue -ErrorVariable problems
        $found.Name | Should -Be 'minimal'
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'DistributionNotFound,Ocelot.Commands.GetOcelotDistributionCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'stops with ConfigFileNotFound for a missing configuration' {
        Get-ErrorId { Get-OcelotDistribution -ConfigPath ([System.IO.Path]::Combine($go.Root, 'nothing-here')) } |
            Should -Be 'ConfigFileNotFound,Ocelot.Commands.GetOcelotDistributionCommand'
    }

    It 'reports a broken distribution with its file position and loads the rest' {
        $config = New-TestFolder
        try {
            Set-Content -LiteralPath ([System.IO.Path]::Combine($config, 'distributions.yaml')) -Value @(
                'good:', '  buildtags: [lambdacomponents.custom]', 'bad:', '  buildtag: [lambdacomponents.custom]')
            $found = Get-OcelotDistribution -ConfigPath $config -ErrorAction SilentlyContinue -ErrorVariable problems
            $found.Name | Should -Be 'good'
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'DistributionUnknownKey,*'
            "$($problems[0])" | Should -BeLike '*distributions.yaml*4*'
        } finally {
            Remove-TestFolder $config
        }
    }

    It 'shows a table with every distribution and its description at width 200' {
        $text = Get-OcelotDistribution | Out-String -Width 200
        foreach ($distribution in Get-OcelotDistribution) {
            $line = $text -split "`n" | Where-Object { $_ -match "\A$([regex]::Escape($distribution.Name))\s" }
            $line | Should -Not -BeNullOrEmpty -Because $distribution.Name
            # The table shows the first line of a description (a YAML block may hold several).
            $line.Contains(($distribution.Description -split "`n")[0].Trim()) | Should -BeTrue -Because $distribution.Name
        }
    }
}

Describe 'Invoke-OcelotBuild' {
    It 'writes the zip and says what went into it' {
        $artifact.Architecture | Should -Be 'arm64'
        $artifact.UpstreamCommit | Should -Be $go.UpstreamCommit
        $artifact.CollectorVersion | Should -Be $go.CollectorVersion
        [System.IO.File]::Exists($artifact.Path) | Should -BeTrue
        $artifact.Md5 | Should -Be (Get-FileHash -LiteralPath $artifact.Path -Algorithm MD5).Hash.ToLowerInvariant()
    }

    It 'answers an unchanged build from the cache with the same bytes' {
        $again = Invoke-OcelotBuild minimal -Arch arm64
        $again.FromCache | Should -BeTrue
        $again.Sha256 | Should -Be $artifact.Sha256
    }

    It 'stops with UpstreamRefNotFound for a ref upstream does not have' {
        Get-ErrorId { Invoke-OcelotBuild minimal -UpstreamRef no-such-ref } | Should -Be 'UpstreamRefNotFound,Ocelot.Commands.InvokeOcelotBuildCommand'
    }

    It 'stops with UpstreamRepositoryInvalid for something that is no repository' {
        Get-ErrorId { Invoke-OcelotBuild minimal -UpstreamRepo '-not a repo' } | Should -Be 'UpstreamRepositoryInvalid,Ocelot.Commands.InvokeOcelotBuildCommand'
    }

    It 'shows the artifact with its md5 and full path at width 200' {
        $text = $artifact | Out-String -Width 200
        $text | Should -BeLike "*$($artifact.Md5)*"
        $text | Should -BeLike "*$($artifact.Path)*"
    }
}

Describe 'Initialize-OcelotMetadataTable' {
    It 'creates the table once, then reports that it exists' {
        $table = "ocelot-init-$([guid]::NewGuid().ToString('N').Substring(0, 6))"
        (Initialize-OcelotMetadataTable -TableName $table -Region us-east-1 -Confirm:$false).Status | Should -Be 'Created'
        (Invoke-AwsCli $moto dynamodb describe-table --region us-east-1 --table-name $table).Table.KeySchema.AttributeName | Should -Be 'layer_arn'
        (Initialize-OcelotMetadataTable -TableName $table -Region us-east-1 -Confirm:$false).Status | Should -Be 'AlreadyExists'
    }

    It 'says what it would create with -WhatIf, and creates nothing' {
        $lines = Get-HostText { Initialize-OcelotMetadataTable -TableName whatif-table -Region eu-west-1 -WhatIf }
        $lines | Where-Object { $_ -like 'What if:*whatif-table*' } | Should -HaveCount 1
        (Invoke-AwsCli $moto dynamodb list-tables --region eu-west-1).TableNames | Should -Not -Contain 'whatif-table'
    }
}

Describe 'Publish-OcelotLayer' {
    BeforeAll {
        Initialize-OcelotMetadataTable -Region us-east-1 -Confirm:$false
        $published = $artifact | Publish-OcelotLayer -Region us-east-1, eu-west-1 -Confirm:$false
    }

    It 'publishes one version per region, in -Region order' {
        $published.Region | Should -Be @('us-east-1', 'eu-west-1')
        foreach ($version in $published) {
            (Invoke-AwsCli $moto lambda list-layer-versions --region $version.Region --layer-name $version.LayerName).LayerVersions.LayerVersionArn |
                Should -Be $version.LayerVersionArn
        }
    }

    It 'says per region what it would publish with -WhatIf, and publishes nothing' {
        $lines = Get-HostText { Invoke-OcelotBuild minimal -Arch amd64 | Publish-OcelotLayer -Region ap-southeast-2 -WhatIf }
        $whatIf = $lines | Where-Object { $_ -like 'What if:*' }
        $whatIf | Should -HaveCount 1
        $whatIf | Should -BeLike '*ocel-amd64-minimal-0_158_0-prod*ap-southeast-2*'
        (Invoke-AwsCli $moto lambda list-layers --region ap-southeast-2).Layers | Should -BeNullOrEmpty
    }

    It 'stops with LayerZipNotFound for a zip that does not exist' {
        Get-ErrorId { Publish-OcelotLayer -Path ./missing.zip -Distribution minimal -Architecture amd64 -CollectorVersion v0.158.0 -Region us-east-1 } |
            Should -Be 'LayerZipNotFound,Ocelot.Commands.PublishOcelotLayerCommand'
    }

    It 'stops with RegionInvalid and a suggestion for a mistyped region' {
        try { $artifact | Publish-OcelotLayer -Region us-esat-1 -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'RegionInvalid,Ocelot.Commands.PublishOcelotLayerCommand'
        "$failure" | Should -BeLike "*'us-east-1'*"
    }

    It 'shows every published version with its full layer name at width 200' {
        $text = $published | Out-String -Width 200
        ($text -split "`n" | Where-Object { $_ -like '*ocel-arm64-minimal-0_158_0-prod*' }) | Should -HaveCount 2
    }
}

Describe 'Get-OcelotLayer' {
    It 'lists the versions of the regions asked for' {
        $listed = Get-OcelotLayer -Pattern ocel-arm64-* -Region us-east-1, eu-west-1
        ($listed.Region | Sort-Object) | Should -Be @('eu-west-1', 'us-east-1')
        $listed.Distribution | Select-Object -Unique | Should -Be 'minimal'
    }

    It 'keeps only the newest version of each layer with -Latest' {
        $null = Invoke-OcelotBuild minimal -Arch arm64 | Publish-OcelotLayer -Region us-east-1 -AllowDuplicate -Confirm:$false
        $all = Get-OcelotLayer -Pattern ocel-arm64-* -Region us-east-1
        $latest = Get-OcelotLayer -Pattern ocel-arm64-* -Region us-east-1 -Latest
        $all.Count | Should -BeGreaterThan 1
        $latest | Should -HaveCount 1
        $latest.Version | Should -Be ($all.Version | Measure-Object -Maximum).Maximum
    }

    It 'refuses -Latest with -SkipLatest (ReportInputInvalid)' {
        Get-ErrorId { Get-OcelotLayer -Latest -SkipLatest 2 } | Should -Be 'ReportInputInvalid,Ocelot.Commands.GetOcelotLayerCommand'
    }

    It 'shows full layer names at width 200' {
        $text = Get-OcelotLayer -Region us-east-1 | Out-String -Width 200
        $text | Should -BeLike '*ocel-arm64-minimal-0_158_0-prod*'
    }
}

Describe 'ConvertTo-OcelotReport' {
    It 'writes a Terraform map of the newest ARN per region' {
        $latest = Get-OcelotLayer -Pattern ocel-arm64-* -Region us-east-1, eu-west-1 -Latest
        $text = ($latest | ConvertTo-OcelotReport -Format Terraform) -join "`n"
        foreach ($version in $latest) { $text | Should -BeLike "*`"$($version.Region)`" = `"$($version.LayerVersionArn)`"*" }
    }

    It 'writes JSON that reads back' {
        $latest = Get-OcelotLayer -Pattern ocel-arm64-* -Region us-east-1 -Latest
        $json = ($latest | ConvertTo-OcelotReport -Format Json) -join "`n" | ConvertFrom-Json
        $json.LayerVersionArn | Should -Be $latest.LayerVersionArn
    }

    It 'stops with ReportInputInvalid when release notes have no distribution' {
        Get-ErrorId { Get-OcelotLayer -Region us-east-1 | ConvertTo-OcelotReport -Format ReleaseNotes } |
            Should -Be 'ReportInputInvalid,Ocelot.Commands.ConvertToOcelotReportCommand'
    }
}

Describe 'Remove-OcelotLayer' {
    It 'names the version ARN with -WhatIf and deletes nothing' {
        $version = Get-OcelotLayer -Pattern ocel-arm64-* -Region eu-west-1 | Select-Object -First 1
        $lines = Get-HostText { Remove-OcelotLayer -LayerName $version.LayerName -Version $version.Version -Region eu-west-1 -WhatIf }
        # The target names the version and its region (issue 9b makes it the version ARN, which holds both).
        $whatIf = @($lines | Where-Object { $_.StartsWith('What if:') })
        $whatIf | Should -HaveCount 1
        $whatIf[0].Contains("$($version.LayerName):$($version.Version)") | Should -BeTrue
        $whatIf[0].Contains('eu-west-1') | Should -BeTrue
        (Invoke-AwsCli $moto lambda list-layer-versions --region eu-west-1 --layer-name $version.LayerName).LayerVersions.LayerVersionArn |
            Should -Contain $version.LayerVersionArn
    }

    It 'deletes a version and its metadata item, and says so with -PassThru' {
        $version = Get-OcelotLayer -Pattern ocel-arm64-* -Region eu-west-1 | Select-Object -First 1
        $result = $version | Remove-OcelotLayer -Confirm:$false -PassThru
        $result.Removed | Should -BeTrue
        (Invoke-AwsCli $moto lambda list-layer-versions --region eu-west-1 --layer-name $version.LayerName).LayerVersions.LayerVersionArn |
            Should -Not -Contain $version.LayerVersionArn
        $text = $result | Out-String -Width 200
        $text | Should -BeLike "*$($version.LayerVersionArn)*"
    }
}
