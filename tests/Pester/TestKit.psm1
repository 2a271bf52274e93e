<#
.SYNOPSIS
    What the Pester files share: a moto_server on a free loopback port, an AWS environment for a test scope, the AWS
    CLI pointed at the server, and the offline Go fixture (fixture upstream git repository + module proxy on disk).
.DESCRIPTION
    The fixture sources are the ones the xunit suite uses (tests/Ocelot.Module.Tests/Fixtures, see its README.md);
    this module lays them out the same way GoFixture.cs and BuildEnvironment.cs do, so both suites build the same
    upstream commit from the same proxy.

    Typical use in a test file:

        BeforeAll {
            Import-Module (Join-Path $PSScriptRoot 'TestKit.psm1') -Force
            Import-OcelotUnderTest
            $moto = Start-MotoServer
            $aws = Enter-AwsTestEnvironment -Moto $moto
            $go = New-GoFixture            # sets GOPROXY, GOMODCACHE, OCELOT_CACHE ... until Remove-GoFixture
        }
        AfterAll {
            Remove-GoFixture $go
            Exit-AwsTestEnvironment $aws
            Stop-MotoServer $moto
        }
#>
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$script:RepositoryRoot = (Resolve-Path ([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))).Path
$script:FixtureSource = [System.IO.Path]::Combine($script:RepositoryRoot, 'tests', 'Ocelot.Module.Tests', 'Fixtures')
# The tests' own distributions, component dependencies and collector configs (shared with the xunit suite): the shipped
# config/ may change without breaking a test; a test whose point is the shipped file names it.
$script:TestConfigFolder = [System.IO.Path]::Combine($script:FixtureSource, 'config')

# The same values as GoFixture.cs: fixed times keep the commit SHA identical from run to run.
$script:UpstreamTag = 'v0.158.0-fixture'
$script:CollectorVersion = 'v0.158.0'
$script:FixedGitDate = '2025-01-01T00:00:00+00:00'
$script:FixedZipTime = [DateTimeOffset]::new(2025, 1, 1, 0, 0, 0, [TimeSpan]::Zero)

function Get-RepositoryRoot {
    <# The repository root (the folder holding Ocelot.psd1). #>
    $script:RepositoryRoot
}

function Get-TestConfigFolder {
    <# The tests' own config folder (tests/Ocelot.Module.Tests/Fixtures/config), to pass as -ConfigPath. #>
    $script:TestConfigFolder
}

function Import-OcelotUnderTest {
    <# Imports the module through its manifest at the repository root, as a user of the built checkout does. #>
    [CmdletBinding()]
    param([string] $ManifestPath = [System.IO.Path]::Combine($script:RepositoryRoot, 'Ocelot.psd1'))
    Import-Module $ManifestPath -Force -Global
}

function New-TestFolder {
    <# A new empty folder under the system temp folder; remove it with Remove-TestFolder. #>
    [CmdletBinding()]
    param([string] $Prefix = 'ocelot-pester-')
    $path = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), $Prefix + [guid]::NewGuid().ToString('N').Substring(0, 10))
    [System.IO.Directory]::CreateDirectory($path).FullName
}

function Remove-TestFolder {
    [CmdletBinding()]
    param([Parameter(Mandatory)][AllowEmptyString()][AllowNull()][string] $Path)
    if ($Path -and [System.IO.Directory]::Exists($Path)) {
        # Go's module cache is read-only unless -modcacherw was in effect; make it writable before deleting.
        Get-ChildItem -LiteralPath $Path -Recurse -Force -ErrorAction SilentlyContinue |
            Where-Object { -not $_.PSIsContainer -and $_.IsReadOnly } |
            ForEach-Object { $_.IsReadOnly = $false }
        if ($IsLinux -or $IsMacOS) { & chmod -R u+w -- $Path 2>$null }
        [System.IO.Directory]::Delete($Path, $true)
    }
}

function Get-FreeLoopbackPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Wait-LoopbackPort {
    <# Polls until something listens on the port; throws after the timeout or as soon as the process exits. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][int] $Port,
        [TimeSpan] $Timeout = [TimeSpan]::FromSeconds(30),
        [System.Diagnostics.Process] $Process
    )
    $deadline = [DateTime]::UtcNow + $Timeout
    while ($true) {
        $client = [System.Net.Sockets.TcpClient]::new()
        try {
            $client.Connect([System.Net.IPAddress]::Loopback, $Port)
            return
        } catch {
            if ($Process -and $Process.HasExited) { throw "The server for port $Port exited with code $($Process.ExitCode) before it listened." }
            if ([DateTime]::UtcNow -ge $deadline) { throw "Nothing listened on 127.0.0.1:$Port within $Timeout." }
            Start-Sleep -Milliseconds 100
        } finally {
            $client.Dispose()
        }
    }
}

function Start-MotoServer {
    <#
    .SYNOPSIS
        Starts moto_server on a free loopback port and waits until it answers. Stop it with Stop-MotoServer (by its pid).
    #>
    [CmdletBinding()]
    param()
    $port = Get-FreeLoopbackPort
    $start = [System.Diagnostics.ProcessStartInfo]::new('moto_server')
    foreach ($argument in '-H', '127.0.0.1', '-p', "$port") { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($start)
    if (-not $process) { throw 'moto_server did not start (is it on the PATH?).' }
    # Drain both pipes so a chatty server never blocks on a full pipe.
    $process.BeginOutputReadLine()
    $process.BeginErrorReadLine()
    try {
        Wait-LoopbackPort -Port $port -Process $process
    } catch {
        if (-not $process.HasExited) { $process.Kill($true) }
        throw
    }
    [pscustomobject]@{
        PSTypeName = 'Ocelot.Test.MotoServer'
        Port       = $port
        Endpoint   = "http://127.0.0.1:$port"
        Process    = $process
        ProcessId  = $process.Id
    }
}

function Stop-MotoServer {
    <# Stops the server started by Start-MotoServer, by its own process id (never by name). #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][AllowNull()] $Moto)
    if (-not $Moto) { return }
    $process = $Moto.Process
    try {
        if (-not $process.HasExited) { $process.Kill($true) }
        $null = $process.WaitForExit(10000)
    } catch [System.InvalidOperationException] {
    } finally {
        $process.Dispose()
    }
}

function Set-ProcessVariable {
    # PowerShell passes $null to a .NET string parameter as ''; [NullString] really removes the variable.
    param([string] $Name, [AllowNull()][string] $Value)
    if ([string]::IsNullOrEmpty($Value)) { [Environment]::SetEnvironmentVariable($Name, [NullString]::Value) }
    else { [Environment]::SetEnvironmentVariable($Name, $Value) }
}

function Enter-TestEnvironment {
    <#
    .SYNOPSIS
        The one way a Pester file changes process environment variables: sets each (a $null value removes it) and
        returns a scope remembering the values before; Exit-TestEnvironment puts them back. Pass -Scope to add
        variables to a scope already entered (each variable keeps its first saved value).
    .EXAMPLE
        $scope = Enter-TestEnvironment @{ OCELOT_CACHE = $cache; AWS_PROFILE = $null }
        try { ... } finally { Exit-TestEnvironment $scope }
    #>
    [CmdletBinding()]
    param([Parameter(Position = 0)][System.Collections.IDictionary] $Variables = @{}, $Scope)
    if (-not $Scope) { $Scope = [pscustomobject]@{ PSTypeName = 'Ocelot.Test.EnvironmentScope'; Saved = @{} } }
    foreach ($name in @($Variables.Keys)) {
        if (-not $Scope.Saved.ContainsKey($name)) { $Scope.Saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        Set-ProcessVariable $name $Variables[$name]
    }
    $Scope
}

function Exit-TestEnvironment {
    <# Puts back every variable of a scope from Enter-TestEnvironment as it was before. #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)][AllowNull()] $Scope)
    if (-not $Scope) { return }
    foreach ($name in @($Scope.Saved.Keys)) { Set-ProcessVariable $name $Scope.Saved[$name] }
}

function Enter-AwsTestEnvironment {
    <#
    .SYNOPSIS
        Points the AWS SDK and CLI at moto with dummy keys, and at empty temporary config/credentials files so the
        developer's ~/.aws is never read. Undo with Exit-AwsTestEnvironment.
    .OUTPUTS
        An object with ConfigFile, CredentialsFile (both exist, empty), Folder and the saved variables.
    #>
    [CmdletBinding()]
    param(
        $Moto,
        [string] $Region = 'us-east-1',
        # Leave AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY unset (for tests of profiles and credential parameters).
        [switch] $NoKeys
    )
    $folder = New-TestFolder -Prefix 'ocelot-aws-'
    $config = [System.IO.Path]::Combine($folder, 'config')
    $credentials = [System.IO.Path]::Combine($folder, 'credentials')
    [System.IO.File]::WriteAllText($config, '')
    [System.IO.File]::WriteAllText($credentials, '')
    $values = [ordered]@{
        AWS_CONFIG_FILE              = $config
        AWS_SHARED_CREDENTIALS_FILE  = $credentials
        AWS_ENDPOINT_URL             = $(if ($Moto) { $Moto.Endpoint })
        AWS_ACCESS_KEY_ID            = $(if (-not $NoKeys) { 'testing' })
        AWS_SECRET_ACCESS_KEY        = $(if (-not $NoKeys) { 'testing' })
        AWS_SESSION_TOKEN            = $null
        AWS_SECURITY_TOKEN           = $null
        AWS_PROFILE                  = $null
        AWS_DEFAULT_PROFILE          = $null
        AWS_REGION                   = $Region
        AWS_DEFAULT_REGION           = $Region
        AWS_EC2_METADATA_DISABLED    = 'true'
        AWS_ROLE_ARN                 = $null
        AWS_WEB_IDENTITY_TOKEN_FILE  = $null
        AWS_CONTAINER_CREDENTIALS_RELATIVE_URI = $null
        AWS_CONTAINER_CREDENTIALS_FULL_URI     = $null
    }
    $scope = Enter-TestEnvironment $values
    [pscustomobject]@{
        PSTypeName      = 'Ocelot.Test.AwsEnvironment'
        Folder          = $folder
        ConfigFile      = $config
        CredentialsFile = $credentials
        Endpoint        = $(if ($Moto) { $Moto.Endpoint })
        Scope           = $scope
    }
}

function Exit-AwsTestEnvironment {
    [CmdletBinding()]
    param([Parameter(Mandatory)][AllowNull()] $Environment)
    if (-not $Environment) { return }
    Exit-TestEnvironment $Environment.Scope
    Remove-TestFolder $Environment.Folder
}

function Invoke-AwsCli {
    <#
    .SYNOPSIS
        Runs `aws --endpoint-url <moto> --output json <arguments>` (an independent client) and returns the parsed JSON.
        Throws with the CLI's error text when it fails.
    .EXAMPLE
        Invoke-AwsCli $moto lambda list-layer-versions --region us-east-1 --layer-name ocel-arm64-minimal-0_158_0-prod
    #>
    # Not an advanced function: the CLI's own options pass through untouched.
    $Moto = $args[0]
    $Arguments = [string[]]@($args | Select-Object -Skip 1)
    $errorFile = [System.IO.Path]::GetTempFileName()
    try {
        $output = & aws --endpoint-url $Moto.Endpoint --output json @Arguments 2>$errorFile
        if ($LASTEXITCODE -ne 0) {
            throw "aws $($Arguments -join ' ') exited with $LASTEXITCODE`: $([System.IO.File]::ReadAllText($errorFile))"
        }
        $text = ($output -join "`n").Trim()
        if ($text) { $text | ConvertFrom-Json -Depth 20 }
    } finally {
        [System.IO.File]::Delete($errorFile)
    }
}

function Invoke-FixtureGit {
    <# Runs git with a configuration independent of the user's (as GoFixture.Git does). #>
    # Not an advanced function: git's own switches (-q, -b) must pass through untouched.
    $WorkingDirectory = [string]$args[0]
    $Arguments = [string[]]@($args | Select-Object -Skip 1)
    $scope = Enter-TestEnvironment @{ GIT_AUTHOR_DATE = $script:FixedGitDate; GIT_COMMITTER_DATE = $script:FixedGitDate; GIT_CONFIG_NOSYSTEM = '1' }
    try {
        $output = & git -C $WorkingDirectory -c user.name=fixture -c user.email=fixture@example.invalid `
            -c commit.gpgsign=false -c tag.gpgsign=false -c core.autocrlf=false @Arguments 2>&1
        if ($LASTEXITCODE -ne 0) { throw "git $($Arguments -join ' ') in $WorkingDirectory failed: $($output -join "`n")" }
        $output | ForEach-Object { "$_" }
    } finally {
        Exit-TestEnvironment $scope
    }
}

function ConvertTo-ProxyPath {
    # Module proxies spell upper-case letters as '!' plus the lower-case letter.
    param([string] $Path)
    $builder = [System.Text.StringBuilder]::new()
    foreach ($c in $Path.ToCharArray()) {
        if ([char]::IsAsciiLetterUpper($c)) { $null = $builder.Append('!').Append([char]::ToLowerInvariant($c)) }
        elseif ($c -eq '/') { $null = $builder.Append([System.IO.Path]::DirectorySeparatorChar) }
        else { $null = $builder.Append($c) }
    }
    $builder.ToString()
}

function Get-FixtureModule {
    <# Every fixture module under gomodules/ as (Module, Version, Folder), in a stable order. #>
    $root = [System.IO.Path]::Combine($script:FixtureSource, 'gomodules')
    $walk = {
        param($folder)
        foreach ($child in [System.IO.Directory]::GetDirectories($folder) | Sort-Object -CaseSensitive) {
            $name = [System.IO.Path]::GetFileName($child)
            $at = $name.IndexOf('@')
            if ($at -lt 0) { & $walk $child; continue }
            $parent = [System.IO.Path]::GetRelativePath($root, $folder).Replace('\', '/')
            $module = if ($parent -eq '.') { $name.Substring(0, $at) } else { "$parent/$($name.Substring(0, $at))" }
            [pscustomobject]@{ Module = $module; Version = $name.Substring($at + 1); Folder = $child }
        }
    }
    & $walk $root
}

function Write-GoModuleProxy {
    <# Writes the GOPROXY layout (<module>/@v/list|.info|.mod|.zip) for every fixture module into $ProxyFolder. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $ProxyFolder)
    Add-Type -AssemblyName System.IO.Compression
    foreach ($group in Get-FixtureModule | Group-Object Module) {
        $versionFolder = [System.IO.Path]::Combine($ProxyFolder, (ConvertTo-ProxyPath $group.Name), '@v')
        $null = [System.IO.Directory]::CreateDirectory($versionFolder)
        $versions = $group.Group.Version | Sort-Object -CaseSensitive
        [System.IO.File]::WriteAllText([System.IO.Path]::Combine($versionFolder, 'list'), (-join ($versions | ForEach-Object { "$_`n" })))
        foreach ($entry in $group.Group) {
            $file = [System.IO.Path]::Combine($versionFolder, (ConvertTo-ProxyPath $entry.Version))
            [System.IO.File]::WriteAllText("$file.info", "{`"Version`":`"$($entry.Version)`",`"Time`":`"2025-01-01T00:00:00Z`"}")
            [System.IO.File]::Copy([System.IO.Path]::Combine($entry.Folder, 'go.mod'), "$file.mod", $true)
            $stream = [System.IO.FileStream]::new("$file.zip", [System.IO.FileMode]::Create, [System.IO.FileAccess]::Write)
            $zip = [System.IO.Compression.ZipArchive]::new($stream, [System.IO.Compression.ZipArchiveMode]::Create)
            try {
                $files = [System.IO.Directory]::GetFiles($entry.Folder, '*', [System.IO.SearchOption]::AllDirectories) |
                    ForEach-Object { [System.IO.Path]::GetRelativePath($entry.Folder, $_).Replace('\', '/') } |
                    Sort-Object -CaseSensitive
                foreach ($relative in $files) {
                    $zipEntry = $zip.CreateEntry("$($entry.Module)@$($entry.Version)/$relative", [System.IO.Compression.CompressionLevel]::Optimal)
                    $zipEntry.LastWriteTime = $script:FixedZipTime
                    $target = $zipEntry.Open()
                    try {
                        $bytes = [System.IO.File]::ReadAllBytes([System.IO.Path]::Combine($entry.Folder, $relative))
                        $target.Write($bytes, 0, $bytes.Length)
                    } finally { $target.Dispose() }
                }
            } finally {
                $zip.Dispose()
                $stream.Dispose()
            }
        }
    }
}

function New-FixtureUpstream {
    <#
    .SYNOPSIS
        Copies the fixture upstream (a miniature opentelemetry-lambda) into $Folder, lets $Customize edit it, commits
        it on branch main, tags it v0.158.0-fixture and returns the commit SHA.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Folder, [scriptblock] $Customize)
    $source = [System.IO.Path]::Combine($script:FixtureSource, 'upstream')
    $null = [System.IO.Directory]::CreateDirectory($Folder)
    foreach ($file in [System.IO.Directory]::GetFiles($source, '*', [System.IO.SearchOption]::AllDirectories)) {
        $destination = [System.IO.Path]::Combine($Folder, [System.IO.Path]::GetRelativePath($source, $file))
        $null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($destination))
        [System.IO.File]::Copy($file, $destination, $true)
    }
    if ($Customize) { & $Customize $Folder }
    $null = Invoke-FixtureGit $Folder init -q -b main
    $null = Invoke-FixtureGit $Folder add -A
    $null = Invoke-FixtureGit $Folder commit -q -m 'Fixture upstream'
    $null = Invoke-FixtureGit $Folder tag $script:UpstreamTag
    (Invoke-FixtureGit $Folder rev-parse HEAD | Select-Object -First 1).Trim()
}

function New-GoFixture {
    <#
    .SYNOPSIS
        The offline build environment: a module proxy on disk, a fixture upstream repository, and the process
        environment (GOPROXY=file://..., GOSUMDB=off, GOFLAGS=-mod=mod, own GOMODCACHE, OCELOT_CACHE) pointing go and
        Ocelot at them. Also sets $PSDefaultParameterValues so Invoke-OcelotBuild uses the fixture upstream, and
        OCELOT_CONFIG_PATH so every cmdlet reads the tests' own config folder (Get-TestConfigFolder, not the shipped
        config/): the pipelines then run exactly as users type them. Undo everything with Remove-GoFixture.
    .OUTPUTS
        An object with Root, ProxyFolder, UpstreamFolder, UpstreamCommit, UpstreamTag, CollectorVersion, CacheFolder,
        OutputFolder (an empty folder for build output) and GoEnvironment (the variables set).
    #>
    [CmdletBinding()]
    param(
        # Do not set $PSDefaultParameterValues['Invoke-OcelotBuild:UpstreamRepo'] nor OCELOT_CONFIG_PATH.
        [switch] $NoDefaultUpstream
    )
    $root = New-TestFolder -Prefix 'ocelot-go-'
    $proxy = [System.IO.Path]::Combine($root, 'goproxy')
    $upstream = [System.IO.Path]::Combine($root, 'upstream')
    try {
        Write-GoModuleProxy -ProxyFolder $proxy
        $commit = New-FixtureUpstream -Folder $upstream
    } catch {
        Remove-TestFolder $root
        throw
    }
    $cache = [System.IO.Path]::Combine($root, 'cache')
    $output = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine($root, 'out')).FullName
    $goEnvironment = [ordered]@{
        GOPROXY     = [Uri]::new($proxy).AbsoluteUri
        GOSUMDB     = 'off'
        GONOSUMDB   = '*'
        GOPRIVATE   = ''
        # -modcacherw: the module cache is otherwise read-only and the folder could not be deleted.
        GOFLAGS     = '-mod=mod -modcacherw'
        GOMODCACHE  = [System.IO.Path]::Combine($root, 'gomodcache')
        GOTOOLCHAIN = 'local'
        GOWORK      = 'off'
        GO111MODULE = 'on'
        OCELOT_CACHE = $cache
    }
    $scope = Enter-TestEnvironment $goEnvironment
    # As $env:OCELOT_CONFIG_PATH, not as a -ConfigPath default: a bound -ConfigPath would choose Invoke-OcelotBuild's
    # by-name parameter set before a piped distribution binds.
    if (-not $NoDefaultUpstream) { $null = Enter-TestEnvironment -Scope $scope @{ OCELOT_CONFIG_PATH = $script:TestConfigFolder } }
    $defaults = $global:PSDefaultParameterValues
    $ownDefaults = @{ 'Invoke-OcelotBuild:UpstreamRepo' = $upstream }
    $savedDefaults = @{}
    if (-not $NoDefaultUpstream) {
        foreach ($key in $ownDefaults.Keys) {
            $savedDefaults[$key] = @{ Had = $defaults.ContainsKey($key); Value = $defaults[$key] }
            $defaults[$key] = $ownDefaults[$key]
        }
    }
    [pscustomobject]@{
        PSTypeName       = 'Ocelot.Test.GoFixture'
        Root             = $root
        ProxyFolder      = $proxy
        UpstreamFolder   = $upstream
        UpstreamCommit   = $commit
        UpstreamTag      = $script:UpstreamTag
        CollectorVersion = $script:CollectorVersion
        CacheFolder      = $cache
        OutputFolder     = $output
        GoEnvironment    = $goEnvironment
        Scope            = $scope
        DefaultSaved     = $savedDefaults
    }
}

function Remove-GoFixture {
    [CmdletBinding()]
    param([Parameter(Mandatory)][AllowNull()] $Fixture)
    if (-not $Fixture) { return }
    Exit-TestEnvironment $Fixture.Scope
    foreach ($key in @($Fixture.DefaultSaved.Keys)) {
        $saved = $Fixture.DefaultSaved[$key]
        if ($saved.Had) { $global:PSDefaultParameterValues[$key] = $saved.Value }
        else { $global:PSDefaultParameterValues.Remove($key) }
    }
    Remove-TestFolder $Fixture.Root
}

function Invoke-FreshPwsh {
    <#
    .SYNOPSIS
        Runs a command in a new `pwsh -NoProfile` (the same pwsh as this one) and returns its output lines; throws with
        the output when it exits non-zero. $Environment adds or (with $null) removes variables for the child only.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Command, [hashtable] $Environment = @{})
    $host_ = [Environment]::ProcessPath
    $start = [System.Diagnostics.ProcessStartInfo]::new($host_)
    # Run as `dotnet pwsh` (the local tool), this pwsh's process is dotnet itself: give it pwsh.dll.
    if ([System.IO.Path]::GetFileNameWithoutExtension($host_) -eq 'dotnet') { $start.ArgumentList.Add([System.IO.Path]::Combine($PSHOME, 'pwsh.dll')) }
    foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', $Command) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    foreach ($name in $Environment.Keys) {
        if ($null -eq $Environment[$name]) { $null = $start.Environment.Remove($name) } else { $start.Environment[$name] = [string]$Environment[$name] }
    }
    $process = [System.Diagnostics.Process]::Start($start)
    try {
        $errorTask = $process.StandardError.ReadToEndAsync()
        $output = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        $errors = $errorTask.GetAwaiter().GetResult()
        if ($process.ExitCode -ne 0) { throw "pwsh -c exited with $($process.ExitCode):`n$output`n$errors" }
        $output -split "`r?`n" | Where-Object { $_ -ne '' }
    } finally {
        $process.Dispose()
    }
}

function Get-HostText {
    <#
    .SYNOPSIS
        Runs $Script and returns the lines it wrote to the host (what-if and confirmation text, Write-Host), read back
        from a transcript of this session: -WhatIf text goes to the host, not to a stream a test can redirect.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][scriptblock] $Script)
    $path = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "ocelot-host-$([guid]::NewGuid().ToString('N')).txt")
    $null = Start-Transcript -LiteralPath $path -UseMinimalHeader
    try { $null = & $Script } finally { $null = Stop-Transcript }
    try { [System.IO.File]::ReadAllLines($path) } finally { [System.IO.File]::Delete($path) }
}

function Get-Completion {
    <# The completion texts TabExpansion2 offers for $InputScript with the cursor at its end (or at $CursorColumn). #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $InputScript, [int] $CursorColumn = -1)
    if ($CursorColumn -lt 0) { $CursorColumn = $InputScript.Length }
    (TabExpansion2 -inputScript $InputScript -cursorColumn $CursorColumn).CompletionMatches | ForEach-Object CompletionText
}

function New-LayerTestZip {
    <#
    A zip shaped like a layer Invoke-OcelotBuild makes, as Publish-OcelotLayer checks it: an executable (0755) ELF
    extensions/collector for the architecture (random after its header, so each zip is new content) and a config.
    #>
    param([Parameter(Mandatory)][string] $Path, [ValidateSet('amd64', 'arm64')][string] $Architecture = 'amd64', [int] $Bytes = 2048)
    $header = [byte[]]::new(64)
    $header[0] = 0x7F; $header[1] = [byte][char]'E'; $header[2] = [byte][char]'L'; $header[3] = [byte][char]'F'
    $header[4] = 2; $header[5] = 1; $header[6] = 1; $header[16] = 2
    $machine = if ($Architecture -eq 'arm64') { 183 } else { 62 }
    $header[18] = $machine -band 0xFF; $header[19] = $machine -shr 8
    $archive = [System.IO.Compression.ZipFile]::Open($Path, 'Create')
    try {
        $collector = $archive.CreateEntry('extensions/collector')
        $collector.ExternalAttributes = 0x81ED -shl 16 # a regular file, mode 0755
        $stream = $collector.Open()
        $stream.Write($header, 0, $header.Length)
        $random = [System.Security.Cryptography.RandomNumberGenerator]::GetBytes($Bytes)
        $stream.Write($random, 0, $random.Length)
        $stream.Dispose()
        $writer = [System.IO.StreamWriter]::new($archive.CreateEntry('collector-config/config.yaml').Open())
        $writer.Write("receivers: {}`n"); $writer.Dispose()
    } finally { $archive.Dispose() }
    $Path
}

Export-ModuleMember -Function Get-RepositoryRoot, Get-TestConfigFolder, Import-OcelotUnderTest, New-TestFolder, Remove-TestFolder,
    Get-FreeLoopbackPort, Wait-LoopbackPort, Start-MotoServer, Stop-MotoServer, Enter-TestEnvironment, Exit-TestEnvironment, Enter-AwsTestEnvironment,
    Exit-AwsTestEnvironment, Invoke-AwsCli, Invoke-FixtureGit, Write-GoModuleProxy, New-FixtureUpstream, New-GoFixture,
    Remove-GoFixture, Invoke-FreshPwsh, Get-HostText, Get-Completion, New-LayerTestZip
