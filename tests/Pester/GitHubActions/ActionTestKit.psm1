# What GitHubActions.Tests.ps1 needs from real components: the workflow scripts run in a child pwsh with the files
# GitHub Actions provides pointing at temp files, a moto_server on loopback, the AWS CLI, and the offline Go fixture
# (a module proxy on disk and a git repository of the miniature upstream).
Set-StrictMode -Version Latest

$script:RepositoryRoot = (Resolve-Path ([System.IO.Path]::Combine($PSScriptRoot, '..', '..', '..'))).Path
$script:FixtureFolder = [System.IO.Path]::Combine($script:RepositoryRoot, 'tests', 'Ocelot.Module.Tests', 'Fixtures')

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
    $saved = @{}
    foreach ($key in $variables.Keys) { $saved[$key] = [Environment]::GetEnvironmentVariable($key); [Environment]::SetEnvironmentVariable($key, $variables[$key]) }
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
        foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) }
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

function Get-FreePort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Start-MotoServer {
    <# Starts moto_server on a free loopback port; returns the process and its endpoint. Stop it with Stop-MotoServer. #>
    $port = Get-FreePort
    $log = [System.IO.Path]::GetTempFileName()
    $process = Start-Process moto_server -ArgumentList '-H', '127.0.0.1', '-p', "$port" -PassThru -RedirectStandardOutput $log -RedirectStandardError "$log.err"
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ($true) {
        if ($process.HasExited) { throw "moto_server exited: $(Get-Content -Raw "$log.err")" }
        $client = [System.Net.Sockets.TcpClient]::new()
        try { $client.Connect('127.0.0.1', $port); break } catch { if ([DateTime]::UtcNow -gt $deadline) { throw 'moto_server did not listen within 30 s.' } } finally { $client.Dispose() }
        Start-Sleep -Milliseconds 200
    }
    [pscustomobject]@{ Process = $process; Endpoint = "http://127.0.0.1:$port"; Log = $log }
}

function Stop-MotoServer {
    param($Server)
    if ($null -eq $Server) { return }
    Stop-Process -Id $Server.Process.Id -Force -ErrorAction SilentlyContinue
    $Server.Process.WaitForExit()
    Remove-Item -LiteralPath $Server.Log, "$($Server.Log).err" -Force -ErrorAction SilentlyContinue
}

function Invoke-Aws {
    <#
    The AWS CLI against moto, with dummy keys unless -Credential gives others; returns its JSON answer parsed.
    Throws with the CLI's message when it fails.
    #>
    param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)] [string[]] $Arguments, [hashtable] $Credential, [string] $Region = 'us-east-1')
    $saved = @{}
    $variables = @{ AWS_ACCESS_KEY_ID = 'testing'; AWS_SECRET_ACCESS_KEY = 'testing'; AWS_SESSION_TOKEN = $null; AWS_PROFILE = $null; AWS_DEFAULT_REGION = $Region; AWS_ENDPOINT_URL = $null }
    if ($Credential) { foreach ($key in $Credential.Keys) { $variables[$key] = $Credential[$key] } }
    foreach ($key in $variables.Keys) { $saved[$key] = [Environment]::GetEnvironmentVariable($key); [Environment]::SetEnvironmentVariable($key, $variables[$key]) }
    try {
        $errorFile = [System.IO.Path]::GetTempFileName()
        $answer = & aws --endpoint-url $Server.Endpoint --output json @Arguments 2> $errorFile
        $exitCode = $LASTEXITCODE
        $message = Get-Content -LiteralPath $errorFile -Raw
        Remove-Item -LiteralPath $errorFile -Force
    }
    finally { foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) } }
    if ($exitCode -ne 0) { throw "aws $($Arguments -join ' ') failed ($exitCode): $message" }
    $text = $answer -join "`n"
    if ($text.Trim()) { $text | ConvertFrom-Json } else { $null }
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

function Invoke-FixtureGit {
    param([string] $Folder, [string[]] $Arguments)
    $env:GIT_AUTHOR_DATE = $env:GIT_COMMITTER_DATE = '2025-01-01T00:00:00+00:00'
    try {
        & git -C $Folder -c user.name=fixture -c user.email=fixture@example.invalid -c commit.gpgsign=false -c tag.gpgsign=false -c core.autocrlf=false @Arguments
        if ($LASTEXITCODE -ne 0) { throw "git $($Arguments -join ' ') failed in $Folder." }
    }
    finally { Remove-Item Env:GIT_AUTHOR_DATE, Env:GIT_COMMITTER_DATE -ErrorAction SilentlyContinue }
}

function New-GoFixture {
    <#
    The offline build environment in -Folder: a Go module proxy written from the fixture's gomodules/, the fixture
    upstream as a git repository tagged v0.158.0-fixture, and the variables that point go and Ocelot at them.
    #>
    param([Parameter(Mandatory)] [string] $Folder)
    Add-Type -AssemblyName System.IO.Compression
    $proxy = Join-Path $Folder 'goproxy'
    $modules = Join-Path $script:FixtureFolder 'gomodules'
    foreach ($moduleFolder in Get-ChildItem -LiteralPath $modules -Directory -Recurse | Where-Object Name -Like '*@*' | Sort-Object FullName) {
        $relative = [System.IO.Path]::GetRelativePath($modules, $moduleFolder.FullName) -replace '\\', '/'
        $module, $version = $relative -split '@', 2
        $escaped = [regex]::Replace($module, '[A-Z]', { param($m) '!' + $m.Value.ToLowerInvariant() })
        $versionFolder = [System.IO.Path]::Combine($proxy, $escaped, '@v')
        New-Item -ItemType Directory -Force -Path $versionFolder | Out-Null
        Add-Content -LiteralPath (Join-Path $versionFolder 'list') -Value $version
        Set-Content -LiteralPath (Join-Path $versionFolder "$version.info") -Value "{`"Version`":`"$version`",`"Time`":`"2025-01-01T00:00:00Z`"}" -NoNewline
        Copy-Item -LiteralPath (Join-Path $moduleFolder.FullName 'go.mod') -Destination (Join-Path $versionFolder "$version.mod")
        $stream = [System.IO.File]::Create((Join-Path $versionFolder "$version.zip"))
        $zip = [System.IO.Compression.ZipArchive]::new($stream, [System.IO.Compression.ZipArchiveMode]::Create)
        try {
            foreach ($file in Get-ChildItem -LiteralPath $moduleFolder.FullName -File -Recurse | Sort-Object FullName) {
                $name = "$module@$version/" + ([System.IO.Path]::GetRelativePath($moduleFolder.FullName, $file.FullName) -replace '\\', '/')
                $entry = $zip.CreateEntry($name)
                $target = $entry.Open()
                try { $source = [System.IO.File]::OpenRead($file.FullName); $source.CopyTo($target); $source.Dispose() } finally { $target.Dispose() }
            }
        }
        finally { $zip.Dispose(); $stream.Dispose() }
    }
    $upstream = Join-Path $Folder 'upstream'
    Copy-Item -LiteralPath (Join-Path $script:FixtureFolder 'upstream') -Destination $upstream -Recurse
    Invoke-FixtureGit $upstream @('init', '-q', '-b', 'main')
    Invoke-FixtureGit $upstream @('add', '-A')
    Invoke-FixtureGit $upstream @('commit', '-q', '-m', 'Fixture upstream')
    Invoke-FixtureGit $upstream @('tag', 'v0.158.0-fixture')
    $commit = (& git -C $upstream rev-parse HEAD).Trim()
    [pscustomobject]@{
        Upstream       = $upstream
        UpstreamCommit = $commit
        UpstreamTag    = 'v0.158.0-fixture'
        Environment    = @{
            GOPROXY = [Uri]::new((Resolve-Path -LiteralPath $proxy).Path).AbsoluteUri; GOSUMDB = 'off'; GONOSUMDB = '*'; GOPRIVATE = ''
            GOFLAGS = '-mod=mod -modcacherw'; GOMODCACHE = (Join-Path $Folder 'gomodcache'); GOTOOLCHAIN = 'local'; GOWORK = 'off'
            GO111MODULE = 'on'; OCELOT_CACHE = (Join-Path $Folder 'ocelot-cache')
        }
    }
}

Export-ModuleMember -Function Read-ActionFile, Invoke-ActionScript, Start-MotoServer, Stop-MotoServer, Invoke-Aws, ConvertFrom-PolicyText,
    ConvertFrom-YamlFile, New-GoFixture
