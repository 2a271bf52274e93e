# Issue 8, AWS side, in real pwsh: inputs are refused before any AWS request (the endpoint is a closed loopback port,
# so a request would be a connection error, not the error asserted), and a Terraform report means exactly its data.
BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestKit.psm1')) -Force
    Import-OcelotUnderTest
    $script:endpoint = "http://127.0.0.1:$(Get-FreeLoopbackPort)"
    # Dummy keys so the checks, not missing credentials, refuse; a closed port answers any request with a connection error.
    $script:aws = Enter-AwsTestEnvironment
    $script:attempts = Enter-TestEnvironment @{ AWS_MAX_ATTEMPTS = '1' }
    $script:folder = New-TestFolder
}

AfterAll {
    Exit-TestEnvironment $script:attempts
    Exit-AwsTestEnvironment $script:aws
    Remove-TestFolder $script:folder
}

Describe 'Publish-OcelotLayer checks the zip before any AWS call' {
    It 'refuses a zip whose collector is a shell script' {
        $zip = [System.IO.Path]::Combine($script:folder, 'script.zip')
        $archive = [System.IO.Compression.ZipFile]::Open($zip, 'Create')
        $entry = $archive.CreateEntry('extensions/collector')
        $entry.ExternalAttributes = 0x81ED -shl 16 # a regular file, mode 0755
        $writer = [System.IO.StreamWriter]::new($entry.Open())
        $writer.Write("#!/bin/sh`necho not a collector`n"); $writer.Dispose(); $archive.Dispose()
        $failure = { Publish-OcelotLayer -Path $zip -Distribution minimal -Architecture amd64 -CollectorVersion v0.158.0 -EndpointUrl $script:endpoint `
            -SkipMetadata -Confirm:$false } | Should -Throw -ErrorId 'LayerZipInvalid,Ocelot.Commands.PublishOcelotLayerCommand' -PassThru
        $failure.Exception.Message | Should -BeLike "*$zip*not an ELF executable*"
        $failure.TargetObject | Should -Be $zip
    }
}

Describe 'Listing and removing refuse bad input up front' {
    It 'makes a bad -Pattern one input error' {
        { Get-OcelotLayer -Pattern '[' -Region us-east-1, eu-west-1 -EndpointUrl $script:endpoint } |
            Should -Throw -ErrorId 'LayerPatternInvalid,Ocelot.Commands.GetOcelotLayerCommand'
    }

    It 'refuses an object whose region disagrees with its ARN' {
        $arn = 'arn:aws:lambda:eu-west-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod:3'
        [pscustomobject]@{ LayerName = 'ocel-amd64-minimal-0_158_0-prod'; Version = 3; Region = 'us-east-1'; LayerVersionArn = $arn } |
            Remove-OcelotLayer -Force -SkipMetadata -EndpointUrl $script:endpoint -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'LayerVersionIdentityMismatch,*'
        $failure[0].TargetObject | Should -Be $arn
    }
}

Describe 'ConvertTo-OcelotReport -Format Terraform' {
    It 'is read back by terraform as exactly the data, evaluating nothing' {
        $hostile = 'x${file("/etc/passwd")}%{ if true }y%{ endif }"\' + "`n"
        $version = [Ocelot.OcelotLayerVersion]@{ LayerName = 'l'; Version = 1; LayerVersionArn = "arn:$hostile"; LayerArn = 'arn'
            Region = 'us-east-1'; Distribution = $hostile; ReleaseGroup = 'prod'; Architecture = 'amd64'; Status = 'Listed' }
        $tf = [System.IO.Path]::Combine($script:folder, 'tf')
        New-Item -ItemType Directory -Path $tf | Out-Null
        $version | ConvertTo-OcelotReport -Format Terraform | Set-Content -Path ([System.IO.Path]::Combine($tf, 'main.tf'))
        Push-Location $tf
        try {
            $expression = 'base64encode(jsonencode([for d, gs in local.ocelot_layer_arns : [d, gs["prod"]["amd64"]["us-east-1"]]]))'
            $encoded = ($expression | terraform console 2>$null | Out-String).Trim().Trim('"')
        }
        finally { Pop-Location }
        $pairs = [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($encoded)) | ConvertFrom-Json -NoEnumerate
        $pairs[0][0] | Should -BeExactly $hostile
        $pairs[0][1] | Should -BeExactly "arn:$hostile"
    }
}
