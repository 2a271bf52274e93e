# AWS Tools conventions as a PowerShell user meets them, against moto_server, checked with the AWS CLI: region and
# credentials resolved as the AWS CLI does, -Force that only skips prompts, names and objects that round-trip.
BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestKit.psm1')) -Force
    Import-OcelotUnderTest
    $moto = Start-MotoServer
    $aws = Enter-AwsTestEnvironment -Moto $moto
    $manifest = [System.IO.Path]::Combine((Get-RepositoryRoot), 'Ocelot.psd1')
    $files = New-TestFolder -Prefix 'ocelot-conventions-'
    Initialize-OcelotMetadataTable -Region us-east-1 -Force

    # The variables a test changes, in one scope that AfterEach puts back as Enter-AwsTestEnvironment left them.
    $script:testEnvironment = $null
    function Set-Env([string] $Name, $Value) {
        $script:testEnvironment = Enter-TestEnvironment @{ $Name = $Value } -Scope $script:testEnvironment
    }

    function New-LayerZip([string] $Name, [string] $Architecture = 'amd64') {
        # A small zip with content of its own, so each publish is new content.
        New-LayerTestZip -Path ([System.IO.Path]::Combine($files, $Name)) -Architecture $Architecture
    }

    function Publish-TestLayer([string] $Distribution, [string[]] $Region = 'us-east-1') {
        Publish-OcelotLayer -Path (New-LayerZip "$Distribution.zip") -Distribution $Distribution -Architecture amd64 `
            -CollectorVersion v0.158.0 -BuildTags lambdacomponents.custom -Region $Region -Force
    }

    function Get-LayerVersions([string] $LayerName, [string] $Region = 'us-east-1') {
        $answer = Invoke-AwsCli $moto lambda list-layer-versions --region $Region --layer-name $LayerName
        @($answer.LayerVersions)
    }

    function Get-Tables([string] $Region) { @((Invoke-AwsCli $moto dynamodb list-tables --region $Region).TableNames) }

    function Write-Profiles([string] $Path, [string] $Text) { [System.IO.File]::WriteAllText($Path, $Text); $Path }
}

AfterAll {
    Exit-AwsTestEnvironment $aws
    Stop-MotoServer $moto
    Remove-TestFolder $files
}

Describe 'AWS Tools conventions' {
    AfterEach {
        Exit-TestEnvironment $script:testEnvironment
        $script:testEnvironment = $null
    }

    Describe 'Region and credentials resolve as the AWS CLI does' {
        It 'uses AWS_DEFAULT_REGION when AWS_REGION is not set' {
            Set-Env AWS_REGION $null
            Set-Env AWS_DEFAULT_REGION 'eu-central-1'
            (Initialize-OcelotMetadataTable -TableName 'conv-default-region' -Force).Region | Should -Be 'eu-central-1'
            Get-Tables eu-central-1 | Should -Contain 'conv-default-region'
            Get-Tables us-east-1 | Should -Not -Contain 'conv-default-region'
        }

        It "-ProfileName ci uses the ci profile's own region, not the default profile's" {
            Set-Env AWS_REGION $null
            Set-Env AWS_DEFAULT_REGION $null
            Set-Env AWS_CONFIG_FILE (Write-Profiles ([System.IO.Path]::Combine($files, 'config-ci')) (('[default]', 'region = eu-west-1', 'aws_access_key_id = testing', 'aws_secret_access_key = testing', '', '[profile ci]', 'region = ap-southeast-2', 'aws_access_key_id = testing', 'aws_secret_access_key = testing') -join "`n"))
            (Initialize-OcelotMetadataTable -TableName 'conv-ci' -ProfileName ci -Force).Region | Should -Be 'ap-southeast-2'
            (Initialize-OcelotMetadataTable -TableName 'conv-default' -Force).Region | Should -Be 'eu-west-1'
            Set-Env AWS_PROFILE 'ci'
            (Initialize-OcelotMetadataTable -TableName 'conv-aws-profile' -Force).Region | Should -Be 'ap-southeast-2'
            (Initialize-OcelotMetadataTable -TableName 'conv-explicit' -ProfileName ci -Region us-west-2 -Force).Region | Should -Be 'us-west-2'
        }

        It 'takes a change of AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE or AWS_PROFILE between two calls on the next call' {
            Set-Env AWS_REGION $null
            Set-Env AWS_DEFAULT_REGION $null
            Set-Env AWS_ACCESS_KEY_ID $null
            Set-Env AWS_SECRET_ACCESS_KEY $null
            $first = Write-Profiles ([System.IO.Path]::Combine($files, 'config-first')) "[default]`nregion = sa-east-1`n"
            $second = Write-Profiles ([System.IO.Path]::Combine($files, 'config-second')) "[default]`nregion = ca-central-1`n[profile other]`nregion = eu-north-1`n"
            $credentials = Write-Profiles ([System.IO.Path]::Combine($files, 'credentials-keys')) "[default]`naws_access_key_id = testing`naws_secret_access_key = testing`n[other]`naws_access_key_id = testing`naws_secret_access_key = testing`n"
            Set-Env AWS_SHARED_CREDENTIALS_FILE $credentials
            Set-Env AWS_CONFIG_FILE $first
            (Initialize-OcelotMetadataTable -TableName 'conv-switch' -Force).Region | Should -Be 'sa-east-1'
            Set-Env AWS_CONFIG_FILE $second
            (Initialize-OcelotMetadataTable -TableName 'conv-switch' -Force).Region | Should -Be 'ca-central-1'
            Set-Env AWS_PROFILE 'other'
            (Initialize-OcelotMetadataTable -TableName 'conv-switch' -Force).Region | Should -Be 'eu-north-1'
            # A credentials file without the profile, named between two calls: the next call no longer finds it.
            Set-Env AWS_SHARED_CREDENTIALS_FILE (Write-Profiles ([System.IO.Path]::Combine($files, 'credentials-empty')) "[default]`n")
            { Initialize-OcelotMetadataTable -TableName 'conv-switch' -Force } | Should -Throw -ErrorId 'AwsProfileNotFound*'
        }

        It 'reports a missing profile once, before any work, however many regions' {
            $zip = New-LayerZip 'missing-profile.zip'
            $errors = $null
            $caught = $null
            try {
                Publish-OcelotLayer -Path $zip -Distribution missing-profile -Region us-east-1, eu-west-1, ap-southeast-2 -ProfileName no-such-profile `
                    -Force -ErrorVariable errors
            } catch { $caught = $_ }
            $errors | Should -HaveCount 1
            $caught.FullyQualifiedErrorId | Should -BeLike 'AwsProfileNotFound,*'
            $caught.Exception.Message | Should -BeLike "*'no-such-profile'*"
            foreach ($region in 'us-east-1', 'eu-west-1', 'ap-southeast-2') {
                Get-LayerVersions 'ocel-amd64-missing-profile-latest-prod' $region | Should -BeNullOrEmpty
            }
            $errors = $null
            try { Get-OcelotLayer -Region us-east-1, eu-west-1 -ProfileName no-such-profile -ErrorVariable errors } catch { }
            $errors | Should -HaveCount 1
        }

        It 'signs with -AccessKey/-SecretKey/-SessionToken, and never writes the secret or the token to any stream' {
            Set-Env AWS_ACCESS_KEY_ID $null
            Set-Env AWS_SECRET_ACCESS_KEY $null
            $secret = 'sEcReT-' + [guid]::NewGuid().ToString('N')
            $token = 'ToKeN-' + [guid]::NewGuid().ToString('N')
            $keys = @{ AccessKey = 'AKIDCONVENTIONS'; SecretKey = $secret; SessionToken = $token }
            $table = Initialize-OcelotMetadataTable -TableName 'conv-keys' @keys -Force -Verbose -Debug 4>&1 5>&1 | Out-String
            $listed = Get-OcelotLayer @keys -Verbose -Debug *>&1 | Out-String
            # An error from AWS (nothing listens on the endpoint) and errors before any call.
            $closed = "http://127.0.0.1:$(Get-FreeLoopbackPort)"
            $failed = Get-OcelotLayer @keys -EndpointUrl $closed -Verbose -ErrorAction Continue *>&1 | Out-String
            $records = @(
                try { Get-OcelotLayer @keys -EndpointUrl 'not a url' -ErrorAction Stop } catch { $_ }
                try { Initialize-OcelotMetadataTable -AccessKey AKIDCONVENTIONS -SecretKey $secret -SessionToken $token -Region nowhere-1 -ErrorAction Stop } catch { $_ }
            )
            $recordText = $records | ForEach-Object { $_.Exception.Message; $_.TargetObject; $_.ErrorDetails.Message; $_.ErrorDetails.RecommendedAction; $_.CategoryInfo.TargetName }
            # What -WhatIf prints goes to the host: read it from a fresh pwsh.
            $whatIf = Invoke-FreshPwsh "Import-Module '$manifest'; Initialize-OcelotMetadataTable -TableName conv-keys-whatif -AccessKey AKIDCONVENTIONS -SecretKey '$secret' -SessionToken '$token' -WhatIf -Verbose *>&1"
            $whatIf | Where-Object { $_ -like 'What if:*' } | Should -Not -BeNullOrEmpty
            $all = ($table, $listed, $failed, ($recordText -join "`n"), ($whatIf -join "`n")) -join "`n"
            $failed | Should -Not -BeNullOrEmpty
            $all | Should -Not -Match ([regex]::Escape($secret))
            $all | Should -Not -Match ([regex]::Escape($token))
            Set-Env AWS_ACCESS_KEY_ID 'testing'
            Set-Env AWS_SECRET_ACCESS_KEY 'testing'
            Get-Tables us-east-1 | Should -Contain 'conv-keys'
            Get-Tables us-east-1 | Should -Not -Contain 'conv-keys-whatif'
        }

        It 'refuses -AccessKey without -SecretKey with one clear error' {
            { Get-OcelotLayer -AccessKey AKIDALONE -ErrorAction Stop } | Should -Throw -ErrorId 'CredentialsInvalid*'
        }

        It 'names the parameter to change, while the engine says what was wrong in its own terms' {
            $record = try { Get-OcelotLayer -EndpointUrl 'not a url' -ErrorAction Stop } catch { $_ }
            $record.FullyQualifiedErrorId | Should -BeLike 'EndpointInvalid*'
            $record.Exception.Message | Should -Be 'The endpoint URL is not an http(s) URL.'
            $record.ErrorDetails.Message | Should -Be '-EndpointUrl: The endpoint URL is not an http(s) URL.'
            $record.ErrorDetails.RecommendedAction | Should -BeLike '-EndpointUrl: Give the endpoint as a full URL*'
        }
    }

    Describe '-Force skips the confirmation prompt and nothing else' {
        BeforeAll {
            $version = Publish-TestLayer 'force-whatif'
        }

        It '$WhatIfPreference holds for Remove-OcelotLayer, Publish-OcelotLayer and Initialize-OcelotMetadataTable with -Force' {
            $WhatIfPreference = $true
            $version | Remove-OcelotLayer -Force
            Remove-OcelotLayer -LayerName $version.LayerName -VersionNumber $version.Version -Region us-east-1 -Force
            Publish-TestLayer 'force-whatif-publish' | Should -BeNullOrEmpty
            Initialize-OcelotMetadataTable -TableName 'conv-whatif-table' -Force | Should -BeNullOrEmpty
            $WhatIfPreference = $false
            Get-LayerVersions $version.LayerName | Should -HaveCount 1
            Get-LayerVersions 'ocel-amd64-force-whatif-publish-0_158_0-prod' | Should -BeNullOrEmpty
            Get-Tables us-east-1 | Should -Not -Contain 'conv-whatif-table'
        }

        It '$WhatIfPreference holds for Copy-OcelotLayer with -Force too' {
            $WhatIfPreference = $true
            Copy-OcelotLayer $version.LayerVersionArn -Region eu-west-1 -SkipMetadata -Force | Should -BeNullOrEmpty
            $WhatIfPreference = $false
            Get-LayerVersions $version.LayerName eu-west-1 | Should -BeNullOrEmpty
        }

        It '-WhatIf:$false wins over $WhatIfPreference, as for any cmdlet' {
            $WhatIfPreference = $true
            Initialize-OcelotMetadataTable -TableName 'conv-whatif-false' -Force -WhatIf:$false | Should -Not -BeNullOrEmpty
            $WhatIfPreference = $false
            Get-Tables us-east-1 | Should -Contain 'conv-whatif-false'
        }

        It '$ConfirmPreference holds without -Force (a prompt, which a non-interactive pwsh refuses); -Force skips it' {
            $prompted = { Invoke-FreshPwsh "Import-Module '$manifest'; `$ConfirmPreference = 'Low'; Initialize-OcelotMetadataTable -TableName conv-confirm -ErrorAction Stop" }
            $prompted | Should -Throw '*NonInteractive*'
            Get-Tables us-east-1 | Should -Not -Contain 'conv-confirm'
            Invoke-FreshPwsh "Import-Module '$manifest'; `$ConfirmPreference = 'Low'; Initialize-OcelotMetadataTable -TableName conv-confirm -Force -ErrorAction Stop" |
                Should -Not -BeNullOrEmpty
            Get-Tables us-east-1 | Should -Contain 'conv-confirm'
        }

        It '-WhatIf names the version ARN whether the version came as an object, as properties or from a CSV file' {
            $csv = [System.IO.Path]::Combine($files, 'whatif.csv')
            $version | Export-Csv -LiteralPath $csv
            $lines = Invoke-FreshPwsh (
                "Import-Module '$manifest'; " +
                "Get-OcelotLayer -LayerName $($version.LayerName) | Remove-OcelotLayer -WhatIf; " +
                "Remove-OcelotLayer -LayerName $($version.LayerName) -VersionNumber $($version.Version) -Region us-east-1 -WhatIf; " +
                "Import-Csv -LiteralPath '$csv' | Remove-OcelotLayer -WhatIf; " +
                "Remove-OcelotLayer -Pattern $($version.LayerName) -WhatIf")
            $whatIf = @($lines | Where-Object { $_ -like 'What if:*' })
            $whatIf | Should -HaveCount 4
            $whatIf | ForEach-Object { $_ | Should -BeLike "*on target `"$($version.LayerVersionArn)`"*" }
            Get-LayerVersions $version.LayerName | Should -HaveCount 1
        }

        It 'publishes a new version with -AllowDuplicate, and reuses the existing one without it' {
            $zip = New-LayerZip 'duplicate.zip'
            $publish = @{ Path = $zip; Distribution = 'duplicate'; Architecture = 'amd64'; CollectorVersion = 'v0.158.0'; Region = 'us-east-1'; Force = $true }
            $first = Publish-OcelotLayer @publish
            $again = Publish-OcelotLayer @publish
            $again.LayerVersionArn | Should -Be $first.LayerVersionArn
            $again.Status | Should -Be 'Reused'
            $duplicate = Publish-OcelotLayer @publish -AllowDuplicate
            $duplicate.Version | Should -Be ($first.Version + 1)
            $duplicate.Status | Should -Be 'Published'
            Get-LayerVersions $first.LayerName | Should -HaveCount 2
        }
    }

    Describe 'Names match AWS Tools' {
        It 'Remove-OcelotLayer takes -VersionNumber, and binds it from a Version property' {
            $one = Publish-TestLayer 'names-version'
            Remove-OcelotLayer -LayerName $one.LayerName -VersionNumber $one.Version -Region us-east-1 -Force
            Get-LayerVersions $one.LayerName | Should -BeNullOrEmpty
            $two = Publish-TestLayer 'names-version-property'
            [pscustomobject]@{ LayerName = $two.LayerName; Version = $two.Version; Region = 'us-east-1' } | Remove-OcelotLayer -Force
            Get-LayerVersions $two.LayerName | Should -BeNullOrEmpty
        }

        It 'Get-OcelotLayer -LayerName takes the full layer name' {
            $published = Publish-TestLayer 'names-full'
            (Get-OcelotLayer -LayerName $published.LayerName).LayerVersionArn | Should -Be $published.LayerVersionArn
        }

        It 'Publish-OcelotLayer builds the name from -LayerNameBase and -LayerNameVersion' {
            $published = Publish-OcelotLayer -Path (New-LayerZip 'names-base.zip' arm64) -Distribution names-base -Architecture arm64 `
                -LayerNameBase team -LayerNameVersion 1.2.3 -ReleaseGroup beta -Region us-east-1 -Force
            $published.LayerName | Should -Be 'team-arm64-names-base-1_2_3-beta'
            $published.LayerVersionString | Should -Be '1_2_3'
            Get-LayerVersions 'team-arm64-names-base-1_2_3-beta' | Should -HaveCount 1
        }
    }

    Describe 'Layer versions round-trip through Clixml and CSV' {
        It 'Export-Clixml/Import-Clixml into Remove-OcelotLayer deletes exactly that version' {
            $published = Publish-TestLayer 'roundtrip-clixml'
            $path = [System.IO.Path]::Combine($files, 'published.clixml')
            $published | Export-Clixml -LiteralPath $path
            $removed = Import-Clixml -LiteralPath $path | Remove-OcelotLayer -Force -PassThru
            $removed.Removed | Should -BeTrue
            $removed.LayerVersionArn | Should -Be $published.LayerVersionArn
            Get-LayerVersions $published.LayerName | Should -BeNullOrEmpty
        }

        It 'Export-Csv/Import-Csv into Remove-OcelotLayer deletes exactly that version' {
            $published = Publish-TestLayer 'roundtrip-csv'
            $path = [System.IO.Path]::Combine($files, 'published.csv')
            Get-OcelotLayer -LayerName $published.LayerName | Export-Csv -LiteralPath $path
            Import-Csv -LiteralPath $path | Remove-OcelotLayer -Force
            Get-LayerVersions $published.LayerName | Should -BeNullOrEmpty
        }

        It 'refuses a CSV row whose LayerVersionArn disagrees with its other columns, and deletes nothing' {
            $published = Publish-TestLayer 'roundtrip-mismatch'
            $path = [System.IO.Path]::Combine($files, 'mismatch.csv')
            $published | Export-Csv -LiteralPath $path
            $row = Import-Csv -LiteralPath $path
            $row.Version = [string]($published.Version + 7)
            { $row | Remove-OcelotLayer -Force -ErrorAction Stop } | Should -Throw -ErrorId 'LayerVersionIdentityMismatch*'
            Get-LayerVersions $published.LayerName | Should -HaveCount 1
        }

        It 'ConvertTo-OcelotReport reads deserialized layer versions as it reads live ones' {
            $published = Publish-TestLayer 'roundtrip-report'
            $live = Get-OcelotLayer -LayerName $published.LayerName
            $path = [System.IO.Path]::Combine($files, 'report.clixml')
            $live | Export-Clixml -LiteralPath $path
            $terraform = Import-Clixml -LiteralPath $path | ConvertTo-OcelotReport -Format Terraform
            $terraform | Should -BeLike "*$($published.LayerVersionArn)*"
            $terraform | Should -Be ($live | ConvertTo-OcelotReport -Format Terraform)
            (Import-Clixml -LiteralPath $path | ConvertTo-OcelotReport -Format Json) | Should -Be ($live | ConvertTo-OcelotReport -Format Json)
        }

        It 'ConvertTo-OcelotReport refuses CSV rows whose lists Export-Csv flattened, and reads them without those columns' {
            $published = Publish-TestLayer 'roundtrip-report-csv'
            $path = [System.IO.Path]::Combine($files, 'report.csv')
            Get-OcelotLayer -LayerName $published.LayerName | Export-Csv -LiteralPath $path
            $errors = $null
            $report = Import-Csv -LiteralPath $path | ConvertTo-OcelotReport -Format Json -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectInvalid,*'
            $errors[0].Exception.Message | Should -BeLike "*'System.String``[``]'*"
            $report | Should -Not -BeLike "*System.String``[``]*"
            $trimmed = Import-Csv -LiteralPath $path | Select-Object -Property * -ExcludeProperty CompatibleRuntimes, SharedWith |
                ConvertTo-OcelotReport -Format Json -ErrorAction Stop
            $trimmed | Should -BeLike "*$($published.LayerVersionArn)*"
        }

        It "Publish-OcelotLayer's output carries every field Get-OcelotLayer's does" {
            $published = Publish-OcelotLayer -Path (New-LayerZip 'fields.zip') -Distribution fields -Architecture amd64 -CollectorVersion v0.158.0 `
                -DistributionDescription 'Fields test' -BuildTags lambdacomponents.custom -Region us-east-1 -Force
            $listed = Get-OcelotLayer -LayerName $published.LayerName
            $published.DistributionDescription | Should -Be 'Fields test'
            $published.LayerVersionString | Should -Be '0_158_0'
            foreach ($property in $listed.PSObject.Properties) {
                if ($property.Name -in 'Status') { continue }
                if ($null -eq $property.Value -or ($property.Value -is [array] -and $property.Value.Count -eq 0)) { continue }
                "$($property.Name)=$($published.($property.Name))" | Should -Be "$($property.Name)=$($property.Value)"
            }
        }

        It 'refuses BuildTags that Export-Csv flattened to a type name, and publishes nothing' {
            $zip = New-LayerZip 'flattened.zip'
            $row = [pscustomobject]@{ Path = $zip; Distribution = 'flattened'; Architecture = 'amd64'; CollectorVersion = 'v0.158.0'; BuildTags = 'System.String[]' }
            { $row | Publish-OcelotLayer -Region us-east-1 -Force -ErrorAction Stop } | Should -Throw -ErrorId 'InputObjectInvalid*'
            Get-LayerVersions 'ocel-amd64-flattened-0_158_0-prod' | Should -BeNullOrEmpty
            $row.BuildTags = 'lambdacomponents.custom,lambdacomponents.exporter.otlphttp'
            $published = $row | Publish-OcelotLayer -Region us-east-1 -Force
            $published.Description | Should -BeLike '*| custom, exporter.otlphttp'
        }
    }

    Describe 'Table views' {
        It 'heads the layer table with property names and does not cut a long layer name in a wide terminal' {
            $published = Publish-OcelotLayer -Path (New-LayerZip 'view.zip') -Distribution ('view-' + 'x' * 60) -Architecture amd64 `
                -CollectorVersion v0.158.0 -Region us-east-1 -Force
            $published.LayerName.Length | Should -BeGreaterThan 80
            $text = $published | Format-Table | Out-String -Width 300
            $text | Should -Match ([regex]::Escape($published.LayerName))
            $header = ($text -split "`n" | Where-Object { $_ -match '\S' })[0]
            # Each header is a property name, some with a plain unit after it: "CreatedDate (UTC)", "CodeSize (MB)".
            $names = -split $header | Where-Object { $_ -notlike '(*)' }
            $names | Should -HaveCount 8
            foreach ($name in $names) { $published.PSObject.Properties.Name | Should -Contain $name }
        }
    }
}
