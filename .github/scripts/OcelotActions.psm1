# What the workflow scripts share: reading inputs from the environment, and writing the files GitHub Actions reads
# back (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STEP_SUMMARY). Every input arrives through env: so that no workflow
# expression is ever pasted into a script.
Set-StrictMode -Version Latest

$script:RepositoryRoot = (Resolve-Path ([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))).Path

function Import-OcelotModule {
    <# Imports Ocelot from OCELOT_MODULE_PATH (a manifest), else the repository's own Ocelot.psd1 (built by dotnet build). #>
    $manifest = if ($env:OCELOT_MODULE_PATH) { $env:OCELOT_MODULE_PATH } else { [System.IO.Path]::Combine($script:RepositoryRoot, 'Ocelot.psd1') }
    if (-not (Test-Path -LiteralPath $manifest -PathType Leaf)) {
        throw "The Ocelot module manifest '$manifest' does not exist. Run 'dotnet build' in the repository first."
    }
    Import-Module $manifest -Global -Force -ErrorAction Stop
}

function Get-ActionInput {
    <# The value of an input variable, trimmed; the default when it is unset or blank; an error when required and missing. #>
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string] $Default,
        [switch] $Required
    )
    $value = [Environment]::GetEnvironmentVariable($Name)
    if ($null -ne $value) { $value = $value.Trim() }
    if ([string]::IsNullOrEmpty($value)) {
        if ($Required) { throw "The input $Name is required but empty." }
        return $Default
    }
    $value
}

function Get-ActionInputList {
    <# A list input: items separated by commas, spaces or new lines, blanks dropped, duplicates removed, order kept. #>
    param([Parameter(Mandatory)] [string] $Name, [string] $Default)
    $text = Get-ActionInput -Name $Name -Default $Default
    if (-not $text) { return , @() }
    $seen = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::Ordinal)
    $items = foreach ($item in $text -split '[\s,]+') { if ($item -and $seen.Add($item)) { $item } }
    , @($items)
}

function Get-ActionSwitch {
    <# A boolean input as workflow_call and workflow_dispatch pass it: the strings true or false. #>
    param([Parameter(Mandatory)] [string] $Name, [bool] $Default = $false)
    $text = Get-ActionInput -Name $Name
    if (-not $text) { return $Default }
    switch -Exact ($text.ToLowerInvariant()) {
        'true' { return $true }
        'false' { return $false }
    }
    throw "The input $Name must be true or false, not '$text'."
}

function Assert-ActionPattern {
    <# Refuses an input that does not match the whole pattern (anchored with \A and \z, so no trailing newline slips in). #>
    param([Parameter(Mandatory)] [string] $Name, [AllowEmptyString()] [string] $Value, [Parameter(Mandatory)] [string] $Pattern, [string] $Example)
    if ($Value -notmatch "\A(?:$Pattern)\z") {
        $hint = if ($Example) { " For example: $Example" } else { '' }
        throw "The input $Name has an invalid value '$Value'.$hint"
    }
}

function Write-ActionFileEntry {
    param([string] $File, [string] $Kind, [string] $Name, [AllowEmptyString()] [string] $Value)
    if (-not $File) {
        Write-Warning "$Kind is not set: '$Name' is not recorded (not running in GitHub Actions?)."
        return
    }
    if ($Name -notmatch '\A[A-Za-z_][A-Za-z0-9_-]*\z') { throw "'$Name' is not a valid name for $Kind." }
    if ($Value -match '[\r\n]') {
        # GitHub's multiline syntax: name<<DELIMITER, the value, DELIMITER. A random delimiter cannot occur in the value.
        do { $delimiter = 'ghadelimiter_' + [Guid]::NewGuid().ToString('N') } while ($Value.Contains($delimiter))
        $entry = "$Name<<$delimiter`n$Value`n$delimiter`n"
    }
    else {
        $entry = "$Name=$Value`n"
    }
    [System.IO.File]::AppendAllText($File, $entry, [System.Text.UTF8Encoding]::new($false))
}

function Set-ActionOutput {
    <# Appends a step output to GITHUB_OUTPUT (multiline values with a delimiter). #>
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [AllowEmptyString()] [string] $Value)
    Write-ActionFileEntry -File $env:GITHUB_OUTPUT -Kind 'GITHUB_OUTPUT' -Name $Name -Value $Value
}

function Set-ActionEnvironment {
    <# Appends a variable for the job's later steps to GITHUB_ENV (multiline values with a delimiter). #>
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [AllowEmptyString()] [string] $Value)
    if ($Name -in 'NODE_OPTIONS', 'PATH', 'LD_PRELOAD', 'BASH_ENV', 'ENV') { throw "Refusing to set $Name through GITHUB_ENV." }
    Write-ActionFileEntry -File $env:GITHUB_ENV -Kind 'GITHUB_ENV' -Name $Name -Value $Value
}

function Add-ActionSummary {
    <# Appends Markdown to the step summary (GITHUB_STEP_SUMMARY), or shows it when not in Actions. #>
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Markdown)
    $text = if ($Markdown.EndsWith("`n")) { $Markdown } else { "$Markdown`n" }
    if ($env:GITHUB_STEP_SUMMARY) { [System.IO.File]::AppendAllText($env:GITHUB_STEP_SUMMARY, $text, [System.Text.UTF8Encoding]::new($false)) }
    else { Write-Information $text -InformationAction Continue }
}

function ConvertTo-MarkdownCell {
    <# Escapes text from strangers (upstream, config, AWS) for one Markdown table cell. #>
    param([AllowNull()] [AllowEmptyString()] [string] $Text)
    if ($null -eq $Text) { return '' }
    $escaped = [System.Net.WebUtility]::HtmlEncode(($Text -replace '[\r\n]+', ' '))
    $escaped -replace '\|', '&#124;' -replace '`', '&#96;' -replace '\*', '&#42;' -replace '_', '&#95;' -replace '\[', '&#91;'
}

function Write-ActionError {
    <# An error annotation (::error::) with the text escaped as the workflow-command syntax requires. #>
    param([Parameter(Mandatory)] [string] $Message)
    $escaped = $Message -replace '%', '%25' -replace "`r", '%0D' -replace "`n", '%0A'
    Write-Host "::error::$escaped"
}

Export-ModuleMember -Function Import-OcelotModule, Get-ActionInput, Get-ActionInputList, Get-ActionSwitch, Assert-ActionPattern,
    Set-ActionOutput, Set-ActionEnvironment, Add-ActionSummary, ConvertTo-MarkdownCell, Write-ActionError
