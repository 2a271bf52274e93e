# The two pipelines of the design card, typed exactly as a user types them, on the offline Go fixture and moto_server,
# checked with the AWS CLI (an independent client).
BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestKit.psm1')) -Force
    Import-OcelotUnderTest
    $moto = Start-MotoServer
    $aws = Enter-AwsTestEnvironment -Moto $moto
    $go = New-GoFixture
    Push-Location $go.OutputFolder
    Initialize-OcelotMetadataTable -Region us-east-1 -Confirm:$false
}

AfterAll {
    Pop-Location
    Remove-GoFixture $go
    Exit-AwsTestEnvironment $aws
    Stop-MotoServer $moto
}

Describe 'Get-OcelotDistribution minimal | Invoke-OcelotBuild -Arch arm64 | Publish-OcelotLayer -Region us-east-1' {
    BeforeAll {
        $published = Get-OcelotDistribution minimal | Invoke-OcelotBuild -Arch arm64 | Publish-OcelotLayer -Region us-east-1 -Confirm:$false
        $zip = Get-Item ([System.IO.Path]::Combine($go.OutputFolder, 'build', 'collector-arm64-minimal.zip'))
    }

    It 'publishes one arm64 version under the reference layer name' {
        $published | Should -HaveCount 1
        $published.LayerName | Should -Be 'ocel-arm64-minimal-0_158_0-prod'
        $published.Status | Should -Be 'Published'
        $listed = (Invoke-AwsCli $moto lambda list-layer-versions --region us-east-1 --layer-name $published.LayerName).LayerVersions
        $listed | Should -HaveCount 1
        $listed[0].LayerVersionArn | Should -Be $published.LayerVersionArn
        $listed[0].CompatibleArchitectures | Should -Be @('arm64')
    }

    It 'uploads the zip the build wrote, byte for byte' {
        $version = Invoke-AwsCli $moto lambda get-layer-version --region us-east-1 --layer-name $published.LayerName --version-number $published.Version
        $sha256 = [Convert]::ToBase64String([System.Security.Cryptography.SHA256]::HashData([System.IO.File]::ReadAllBytes($zip.FullName)))
        $version.Content.CodeSha256 | Should -Be $sha256
        $version.Content.CodeSize | Should -Be $zip.Length
        $md5 = (Get-FileHash -LiteralPath $zip.FullName -Algorithm MD5).Hash.ToLowerInvariant()
        $version.Description | Should -BeLike "md5: $md5 | *receiver.otlp*"
    }

    It 'records the version in the metadata table' {
        $items = (Invoke-AwsCli $moto dynamodb scan --region us-east-1 --table-name ocelot-layers).Items
        $arns = $items | ForEach-Object { $_.PSObject.Properties.Value | ForEach-Object { $_.S } } | Where-Object { $_ -eq $published.LayerVersionArn }
        $arns | Should -Not -BeNullOrEmpty
    }

    It 'reuses the existing version when the same zip is published again' {
        $again = Get-OcelotDistribution minimal | Invoke-OcelotBuild -Arch arm64 | Publish-OcelotLayer -Region us-east-1 -Confirm:$false
        $again.LayerVersionArn | Should -Be $published.LayerVersionArn
        $again.Status | Should -Not -Be 'Published'
        (Invoke-AwsCli $moto lambda list-layer-versions --region us-east-1 --layer-name $published.LayerName).LayerVersions | Should -HaveCount 1
    }
}

Describe 'Get-OcelotLayer -Pattern dev* | Remove-OcelotLayer -WhatIf' {
    BeforeAll {
        # dev* layers published by someone else's client, so the prune sees layers Ocelot did not write itself.
        $devZip = [System.IO.Path]::Combine($go.OutputFolder, 'build', 'collector-arm64-minimal.zip')
        foreach ($name in 'dev-alice-collector', 'dev-bob-collector') {
            foreach ($i in 1, 2) {
                $null = Invoke-AwsCli $moto lambda publish-layer-version --region us-east-1 --layer-name $name `
                    --description "dev build $i" --zip-file "fileb://$devZip" --compatible-architectures arm64
            }
        }
        $devArns = foreach ($name in 'dev-alice-collector', 'dev-bob-collector') {
            (Invoke-AwsCli $moto lambda list-layer-versions --region us-east-1 --layer-name $name).LayerVersions.LayerVersionArn
        }
    }

    It 'selects every dev* version and nothing else' {
        $selected = Get-OcelotLayer -Pattern dev*
        ($selected.LayerVersionArn | Sort-Object) | Should -Be ($devArns | Sort-Object)
    }

    It 'says, per version ARN, what it would delete, and deletes nothing' {
        # What-if text goes to the host, so run the pipeline in a fresh pwsh and read what it printed.
        $manifest = [System.IO.Path]::Combine((Get-RepositoryRoot), 'Ocelot.psd1')
        $lines = Invoke-FreshPwsh "Import-Module '$manifest'; Get-OcelotLayer -Pattern dev* | Remove-OcelotLayer -WhatIf"
        $whatIf = $lines | Where-Object { $_ -like 'What if:*' }
        $whatIf | Should -HaveCount 4
        foreach ($arn in $devArns) { $whatIf | Where-Object { $_ -like "*`"$arn`"*" } | Should -HaveCount 1 }
        $whatIf | Where-Object { $_ -like '*ocel-arm64-minimal*' } | Should -BeNullOrEmpty
        foreach ($name in 'dev-alice-collector', 'dev-bob-collector') {
            (Invoke-AwsCli $moto lambda list-layer-versions --region us-east-1 --layer-name $name).LayerVersions | Should -HaveCount 2
        }
    }

    It 'deletes exactly those versions when confirmed, leaving the other layers' {
        Get-OcelotLayer -Pattern dev* | Remove-OcelotLayer -Confirm:$false
        foreach ($name in 'dev-alice-collector', 'dev-bob-collector') {
            (Invoke-AwsCli $moto lambda list-layer-versions --region us-east-1 --layer-name $name).LayerVersions | Should -BeNullOrEmpty
        }
        (Invoke-AwsCli $moto lambda list-layer-versions --region us-east-1 --layer-name ocel-arm64-minimal-0_158_0-prod).LayerVersions |
            Should -HaveCount 1
    }
}
