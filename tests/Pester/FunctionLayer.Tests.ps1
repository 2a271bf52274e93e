# Update-OcelotFunctionLayer in real pwsh against moto_server; functions created and checked with the AWS CLI.
BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestKit.psm1')) -Force
    Import-OcelotUnderTest
    $moto = Start-MotoServer
    $aws = Enter-AwsTestEnvironment -Moto $moto

    $folder = New-TestFolder
    Set-Content -Path "$folder/handler.py" -Value 'def handler(event, context): return 1'
    Compress-Archive -Path "$folder/handler.py" -DestinationPath "$folder/code.zip"
    $zip = "fileb://$folder/code.zip"
    aws iam create-role --role-name pester --assume-role-policy-document '{}' | Out-Null
    $otel1 = aws lambda publish-layer-version --layer-name otel --zip-file $zip --compatible-architectures x86_64 --query LayerVersionArn --output text
    $otel2 = aws lambda publish-layer-version --layer-name otel --zip-file $zip --compatible-architectures x86_64 --query LayerVersionArn --output text
    $other = aws lambda publish-layer-version --layer-name other --zip-file $zip --query LayerVersionArn --output text
    foreach ($name in 'svc-one', 'svc-two') {
        aws lambda create-function --function-name $name --runtime python3.12 --role arn:aws:iam::123456789012:role/pester --handler handler.handler `
            --zip-file $zip --layers $other $otel1 | Out-Null
    }
    function Get-Layers([string] $Name) { (aws lambda get-function-configuration --function-name $Name --query 'Layers[].Arn' --output json | ConvertFrom-Json) }
}

AfterAll {
    Exit-AwsTestEnvironment $aws
    Stop-MotoServer $moto
    Remove-TestFolder $folder
}

Describe 'Update-OcelotFunctionLayer in real pwsh' {
    It '-WhatIf changes nothing' {
        Update-OcelotFunctionLayer $otel2 -FunctionName 'svc-*' -WhatIf | Should -BeNullOrEmpty
        Get-Layers svc-one | Should -Be @($other, $otel1)
    }

    It 'rolls out in place, shows a table, and rolls back from its own output' {
        $rollout = Update-OcelotFunctionLayer $otel2 -FunctionName 'svc-*' -Force
        $rollout.Count | Should -Be 2
        ($rollout | Format-Table | Out-String) | Should -Match 'svc-one\s+us-east-1\s+Updated\s+otel:1\s+otel:2'
        Get-Layers svc-two | Should -Be @($other, $otel2)

        $rollout | Update-OcelotFunctionLayer -Force | Select-Object -ExpandProperty NewLayerVersionArn | Sort-Object -Unique | Should -Be $otel1
        Get-Layers svc-one | Should -Be @($other, $otel1)
    }

    It 'a bad ARN is a terminating error with a stable id' {
        { Update-OcelotFunctionLayer 'not-an-arn' -Force -ErrorAction Stop } | Should -Throw -ErrorId 'LayerVersionArnInvalid*'
    }
}
