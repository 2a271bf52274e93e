# What GitHubActions.Tests.ps1 needs beyond TestKit.psm1 (moto, the AWS CLI, the Go fixture): the workflow scripts run
# in a child pwsh as a workflow step runs them, with GITHUB_OUTPUT, GITHUB_ENV and GITHUB_STEP_SUMMARY as temp files,
# and readers for what they write, for YAML and for IAM policies as moto returns them.
Set-StrictMode -Version Latest

$script:RepositoryRoot = (Resolve-Path ([System.IO.Path]::Combine($PSScriptRoot, '..', '..', '..'))).Path

# Environment scopes (Enter-TestEnvironment / Exit-TestEnvironment) come from the shared kit.
Import-Module ([System.IO.Path]::Combine($PSScriptRoot, '..', 'TestKit.psm1'))

function Get-PwshCommand {
    # Under `dotnet pwsh` the process is dotnet: start pwsh.dll with it; otherwise this pwsh itself.
    $process = [Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { return , @($process, (Join-Path $PSHOME 'pwsh.dll')) }
    , @($process)
}

function Read-ActionFile {
    <# Parses a GITHUB_OUTPUT / GITHUB_ENV file (name=value and name<<DELIMITER ... DELIMITER) into an ordered dictionary. #>
    param([Parameter(Mandatory)] [string] $Path)
    $values = [ordered]@{}
    if (-not (Test-Path -LiteralPath $Path)) { return $values }
    $lines = [System.IO.File]::ReadAllText($Path) -split "`n"
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($line -eq '') { continue }
        if ($line -match '\A([^=<]+)<<(.+)\z') {
            $name = $Matches[1]; $delimiter = $Matches[2]; $body = [System.Collections.Generic.List[string]]::new()
            for ($i++; $i -lt $lines.Count -and $lines[$i] -ne $delimiter; $i++) { $body.Add($lines[$i]) }
            if ($i -ge $lines.Count) { throw "Unterminated multiline value '$name' in $Path." }
            $values[$name] = $body -join "`n"
        }
        elseif ($line -match '\A([^=]+)=(.*)\z') { $values[$Matches[1]] = $Matches[2] }
        else { throw "Line '$line' of $Path is neither name=value nor name<<delimiter." }
    }
    $values
}

function Invoke-ActionScript {
    <#
    Runs .github/scripts/<Name> in a child pwsh, as a workflow step does: the inherited environment plus -Environment
    (a $null value removes a variable), GITHUB_OUTPUT, GITHUB_ENV and GITHUB_STEP_SUMMARY as fresh files in -WorkFolder,
    and that folder as the working directory. Returns the exit code, the console text and what the files received.
    #>
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $WorkFolder,
        [hashtable] $Environment = @{}
    )
    New-Item -ItemType Directory -Force -Path $WorkFolder | Out-Null
    $files = @{}
    foreach ($kind in 'GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY') {
        $files[$kind] = Join-Path $WorkFolder "$($kind.ToLowerInvariant())-$([Guid]::NewGuid().ToString('N')).txt"
        [System.IO.File]::WriteAllText($files[$kind], '')
    }
    $variables = @{
        GITHUB_ACTIONS = 'true'; GITHUB_REPOSITORY = 'acme/ocelot-fork'; GITHUB_SHA = ('a1' * 20); GITHUB_REF = 'refs/heads/main'
        GITHUB_RUN_ID = '4242'; GITHUB_WORKSPACE = $script:RepositoryRoot; RUNNER_TEMP = $WorkFolder
    }
    foreach ($key in $files.Keys) { $variables[$key] = $files[$key] }
    foreach ($key in $Environment.Keys) { $variables[$key] = $Environment[$key] }
    $scope = Enter-TestEnvironment $variables
    $pwsh = Get-PwshCommand
    $script = [System.IO.Path]::Combine($script:RepositoryRoot, '.github', 'scripts', $Name)
    Push-Location -LiteralPath $WorkFolder
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    try {
        $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $script)
        $console = & $pwsh[0] @arguments 2>&1 | ForEach-Object { "$_" }
        $exitCode = $LASTEXITCODE
    }
    finally {
        $watch.Stop()
        Pop-Location
        Exit-TestEnvironment $scope
    }
    [pscustomobject]@{
        ExitCode   = $exitCode
        Console    = ($console -join "`n")
        Outputs    = Read-ActionFile $files.GITHUB_OUTPUT
        OutputText = [System.IO.File]::ReadAllText($files.GITHUB_OUTPUT)
        Env        = Read-ActionFile $files.GITHUB_ENV
        Summary    = [System.IO.File]::ReadAllText($files.GITHUB_STEP_SUMMARY)
        Seconds    = $watch.Elapsed.TotalSeconds
    }
}

function ConvertFrom-PolicyText {
    <# IAM policy documents as moto returns them: JSON, or (for policies written by CloudFormation) a Python literal. #>
    param([Parameter(Mandatory)] $Policy)
    if ($Policy -isnot [string]) { return $Policy }
    try { return $Policy | ConvertFrom-Json } catch { }
    $json = $Policy | python3 -c 'import ast, json, sys; print(json.dumps(ast.literal_eval(sys.stdin.read())))'
    $json | ConvertFrom-Json
}

function ConvertFrom-YamlFile {
    <# Parses YAML with Python's yaml.safe_load (PyYAML ships with cfn-lint); note that a bare key on becomes true. #>
    param([Parameter(Mandatory)] [string] $Path)
    $json = & python3 -c 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8"))))' $Path
    if ($LASTEXITCODE -ne 0) { throw "Could not parse $Path as YAML." }
    ($json -join "`n") | ConvertFrom-Json -AsHashtable
}

Export-ModuleMember -Function Read-ActionFile, Invoke-ActionScript, ConvertFrom-PolicyText, ConvertFrom-YamlFile
