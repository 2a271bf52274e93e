#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Generates the cmdlet help (MAML, Ocelot.dll-Help.xml) from docs/cmdlets/*.md and the cmdlets' own metadata.
.DESCRIPTION
    Run by the build (src/Ocelot/Ocelot.csproj, target OcelotHelp) after the module is laid out. The markdown pages are
    the single source of the words (synopsis, description, parameter text, examples, notes); parameter sets, types,
    positions, aliases, wildcard support, pipeline input, default values and -WhatIf/-Confirm come from the compiled
    cmdlets, so the help cannot drift from them. The page format is described in docs/cmdlets/README.md.

    Problems are printed in MSBuild's canonical form ("<file>: error OCH001: ...") and make the script exit 1, so the
    build fails naming the file to write or fix.
#>
[CmdletBinding()]
param(
    # The built module's binary (its bin/Ocelot.dll).
    [Parameter(Mandatory)][string] $AssemblyPath,
    [Parameter(Mandatory)][string] $DocsFolder,
    [Parameter(Mandatory)][string] $OutputPath,
    # Where the docs live online: <ProjectUri>/blob/main/docs/cmdlets/<cmdlet>.md is each cmdlet's HelpUri.
    [string] $ManifestPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$script:problems = [System.Collections.Generic.List[string]]::new()
$script:warnings = [System.Collections.Generic.List[string]]::new()
function Add-Problem([string] $File, [string] $Message) { $script:problems.Add("${File}: error OCH001: $Message") }
function Add-Warning([string] $File, [string] $Message) { $script:warnings.Add("${File}: warning OCH002: $Message") }

$commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters
$shouldProcessParameters = 'WhatIf', 'Confirm'

# --- Markdown --------------------------------------------------------------------------------------------------------

function Split-Sections {
    <# Splits markdown into an ordered map heading -> body for headings of exactly $Level '#'. #>
    param([string] $Text, [int] $Level)
    $sections = [ordered]@{}
    $current = $null
    $buffer = [System.Text.StringBuilder]::new()
    $prefix = ('#' * $Level) + ' '
    $inFence = $false
    foreach ($line in $Text -split "`n") {
        if ($line -match '\A\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line.StartsWith($prefix)) {
            if ($null -ne $current) { $sections[$current] = $buffer.ToString().Trim() }
            $current = $line.Substring($prefix.Length).Trim()
            $null = $buffer.Clear()
            continue
        }
        if ($null -ne $current) { $null = $buffer.AppendLine($line) }
    }
    if ($null -ne $current) { $sections[$current] = $buffer.ToString().Trim() }
    $sections
}

function ConvertTo-PlainText {
    <# Markdown inline markup to the plain text Get-Help prints: links keep their address, emphasis and code marks go. #>
    param([string] $Text)
    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\(([^)\s]+)\)', {
        param($m)
        $target = $m.Groups[2].Value
        if ($target -notmatch '\A[a-z]+://') { $m.Groups[1].Value } else { "$($m.Groups[1].Value) ($target)" }
    })
    $Text = $Text -replace '\*\*([^*]+)\*\*', '$1'
    $Text -replace '`([^`]+)`', '$1'
}

function ConvertTo-Paragraphs {
    <#
        Markdown body -> paragraphs with no hard line breaks (Get-Help wraps them to the console width). A list item
        is a paragraph of its own; a fenced block or a table stays as written, one paragraph each.
    #>
    param([string] $Text)
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    $block = $null
    $flush = {
        if ($current.Count) { $paragraphs.Add((ConvertTo-PlainText (($current | ForEach-Object Trim) -join ' '))) }
        $current.Clear()
    }
    foreach ($line in ($Text -replace "`r", '') -split "`n") {
        if ($null -ne $block) {
            if ($line -match '\A\s*```') { $paragraphs.Add(($block -join "`n")); $block = $null }
            else { $block.Add($line) }
            continue
        }
        if ($line -match '\A\s*```') { & $flush; $block = [System.Collections.Generic.List[string]]::new(); continue }
        if ($line -match '\A\s*\z') { & $flush; continue }
        if ($line -match '\A\s*\|') {
            # A table: keep its rows, one line each, without the separator row.
            & $flush
            if ($line -notmatch '\A\s*\|[\s:|-]+\|\s*\z') {
                $cells = $line.Trim().Trim('|').Split('|') | ForEach-Object { ConvertTo-PlainText $_.Trim() }
                $last = if ($paragraphs.Count) { $paragraphs[$paragraphs.Count - 1] } else { $null }
                $row = $cells -join ' | '
                if ($last -and $last.StartsWith("`u{200B}")) { $paragraphs[$paragraphs.Count - 1] = "$last`n$row" }
                else { $paragraphs.Add("`u{200B}$row") }
            }
            continue
        }
        if ($line -match '\A\s*(?:[-*]|\d+\.) ') { & $flush; $current.Add(($line -replace '\A\s*[-*] ', '- ')); continue }
        $current.Add($line)
    }
    & $flush
    # The zero-width marker only kept table rows together while reading.
    $paragraphs | ForEach-Object { $_.Replace("`u{200B}", '') }
}

function Read-ParameterSection {
    <# A '### -Name' body: its text, and a 'Default value: x' line if it has one (taken out of the text). #>
    param([string] $Body)
    $default = $null
    $lines = foreach ($line in $Body -split "`n") {
        if ($line -match '\ADefault value:\s*(?<value>.+?)\s*\z') { $default = ConvertTo-PlainText $Matches.value } else { $line }
    }
    [pscustomobject]@{ Text = ($lines -join "`n").Trim(); Default = $default }
}

function Read-Examples {
    param([string] $Body, [string] $File)
    $examples = Split-Sections -Text $Body -Level 3
    foreach ($title in $examples.Keys) {
        $text = $examples[$title]
        $code = [regex]::Match($text, '```(?:powershell|pwsh)?\n(?<code>.*?)\n```', 'Singleline')
        if (-not $code.Success) { Add-Problem $File "example '$title' has no ```powershell code block."; continue }
        $remarks = $text.Remove($code.Index, $code.Length).Trim()
        if (-not $remarks) { Add-Problem $File "example '$title' has no explanation after its code block." }
        [pscustomobject]@{ Title = $title; Code = $code.Groups['code'].Value.TrimEnd(); Remarks = @(ConvertTo-Paragraphs $remarks) }
    }
}

# --- The cmdlets -----------------------------------------------------------------------------------------------------

$module = Import-Module ([System.IO.Path]::GetFullPath($AssemblyPath)) -PassThru -Force
$commands = Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name

$projectUri = $null
if ($ManifestPath) {
    $projectUri = (Import-PowerShellDataFile $ManifestPath).PrivateData.PSData.ProjectUri
}

$shared = @{}
$sharedFile = [System.IO.Path]::Combine($DocsFolder, 'common-parameters.md')
if ([System.IO.File]::Exists($sharedFile)) {
    $sections = Split-Sections -Text ([System.IO.File]::ReadAllText($sharedFile) -replace "`r", '') -Level 3
    foreach ($heading in $sections.Keys) { $shared[$heading.TrimStart('-')] = Read-ParameterSection $sections[$heading] }
}

$xmlDocPath = [System.IO.Path]::ChangeExtension([System.IO.Path]::GetFullPath($AssemblyPath), '.xml')
$xmlDoc = if ([System.IO.File]::Exists($xmlDocPath)) { [xml][System.IO.File]::ReadAllText($xmlDocPath) }
function Get-XmlDocSummary([type] $Type, [string] $Property) {
    if (-not $xmlDoc) { return $null }
    $declaring = $Type.GetProperty($Property).DeclaringType.FullName
    $member = $xmlDoc.doc.members.member | Where-Object name -eq "P:$declaring.$Property" | Select-Object -First 1
    if (-not $member -or -not $member['summary']) { return $null }
    ($member['summary'].InnerText -replace '\s+', ' ').Trim()
}

$ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$settings.NewLineChars = "`n"
$stream = [System.IO.MemoryStream]::new()
$xml = [System.Xml.XmlWriter]::Create($stream, $settings)

function Write-Paras([string] $Prefix, [string] $Name, [string[]] $Paragraphs) {
    $xml.WriteStartElement($Prefix, $Name, $ns[$Prefix])
    foreach ($p in $Paragraphs) { $xml.WriteElementString('maml', 'para', $ns.maml, $p) }
    $xml.WriteEndElement()
}

function Get-TypeName([type] $Type) {
    if ($Type.IsArray) { return (Get-TypeName $Type.GetElementType()) + '[]' }
    $inner = [Nullable]::GetUnderlyingType($Type)
    if ($inner) { return Get-TypeName $inner }
    $Type.Name
}

function Get-PipelineInput($Sets) {
    $byValue = @($Sets | Where-Object ValueFromPipeline).Count -gt 0
    $byName = @($Sets | Where-Object ValueFromPipelineByPropertyName).Count -gt 0
    if ($byValue -and $byName) { 'True (ByValue, ByPropertyName)' }
    elseif ($byValue) { 'True (ByValue)' }
    elseif ($byName) { 'True (ByPropertyName)' }
    else { 'False' }
}

function Get-DefaultValue($Instance, [string] $Name) {
    if (-not $Instance) { return 'None' }
    $property = $Instance.GetType().GetProperty($Name)
    if (-not $property) { return 'None' }
    $value = $property.GetValue($Instance)
    if ($value -is [System.Management.Automation.SwitchParameter]) { return $(if ($value.IsPresent) { 'True' } else { 'False' }) }
    if ($null -eq $value -or ($value -is [string] -and $value.Length -eq 0)) { return 'None' }
    if ($value -is [array]) { return $(if ($value.Count) { $value -join ', ' } else { 'None' }) }
    "$value"
}

function Write-ParameterElement {
    param($Parameter, [bool] $Required, [string] $Position, [string] $PipelineInput, [string[]] $Description, [string] $Default, [switch] $Syntax)
    $isSwitch = $Parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]
    $globbing = [bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $aliases = if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }
    $xml.WriteStartElement('command', 'parameter', $ns.command)
    $xml.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $xml.WriteAttributeString('variableLength', $Parameter.ParameterType.IsArray.ToString().ToLowerInvariant())
    $xml.WriteAttributeString('globbing', $globbing.ToString().ToLowerInvariant())
    $xml.WriteAttributeString('pipelineInput', $PipelineInput)
    $xml.WriteAttributeString('position', $Position)
    $xml.WriteAttributeString('aliases', $aliases)
    $xml.WriteElementString('maml', 'name', $ns.maml, $Parameter.Name)
    if (-not $Syntax) { Write-Paras maml description $Description }
    $validSet = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($validSet -and $Syntax) {
        $xml.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($value in $validSet.ValidValues) {
            $xml.WriteStartElement('command', 'parameterValue', $ns.command)
            $xml.WriteAttributeString('required', 'false')
            $xml.WriteAttributeString('variableLength', 'false')
            $xml.WriteString($value)
            $xml.WriteEndElement()
        }
        $xml.WriteEndElement()
    } elseif (-not $isSwitch) {
        $xml.WriteStartElement('command', 'parameterValue', $ns.command)
        $xml.WriteAttributeString('required', 'true')
        $xml.WriteAttributeString('variableLength', $Parameter.ParameterType.IsArray.ToString().ToLowerInvariant())
        $xml.WriteString((Get-TypeName $Parameter.ParameterType))
        $xml.WriteEndElement()
    }
    $xml.WriteStartElement('dev', 'type', $ns.dev)
    $xml.WriteElementString('maml', 'name', $ns.maml, $Parameter.ParameterType.FullName)
    $xml.WriteEndElement()
    if (-not $Syntax) { $xml.WriteElementString('dev', 'defaultValue', $ns.dev, $Default) }
    $xml.WriteEndElement()
}

$xml.WriteStartDocument()
$xml.WriteStartElement('helpItems', $ns.msh)
$xml.WriteAttributeString('schema', 'maml')

foreach ($command in $commands) {
    $file = [System.IO.Path]::Combine($DocsFolder, "$($command.Name).md")
    $relative = "docs/cmdlets/$($command.Name).md"
    if (-not [System.IO.File]::Exists($file)) {
        Add-Problem $relative "$($command.Name) has no help page: write $relative (the sections are described in docs/cmdlets/README.md)."
        continue
    }
    $page = [System.IO.File]::ReadAllText($file) -replace "`r", ''
    $top = Split-Sections -Text $page -Level 1
    if (-not $top.Contains($command.Name)) { Add-Problem $relative "the page must start with '# $($command.Name)'."; continue }
    $sections = Split-Sections -Text $top[$command.Name] -Level 2
    foreach ($required in 'Synopsis', 'Description', 'Parameters', 'Examples') {
        if (-not $sections.Contains($required) -or -not $sections[$required]) { Add-Problem $relative "the section '## $required' is missing or empty." }
    }
    if ($script:problems.Count -and $script:problems[-1].StartsWith($relative)) { continue }

    $parameterDocs = @{}
    $parameterSections = Split-Sections -Text $sections['Parameters'] -Level 3
    foreach ($heading in $parameterSections.Keys) { $parameterDocs[$heading.TrimStart('-')] = Read-ParameterSection $parameterSections[$heading] }
    $parameters = @($command.Parameters.Values | Where-Object { $_.Name -notin $commonParameters } | Sort-Object { $_.Name -in $shouldProcessParameters }, Name)
    foreach ($name in @($parameterDocs.Keys)) {
        if ($command.Parameters.ContainsKey($name)) { continue }
        # A heading may name an alias (a parameter renamed with its old name kept as an alias).
        $owner = $command.Parameters.Values | Where-Object { $_.Aliases -contains $name } | Select-Object -First 1
        if ($owner -and -not $parameterDocs.ContainsKey($owner.Name)) { $parameterDocs[$owner.Name] = $parameterDocs[$name]; continue }
        Add-Warning $relative "'### -$name' documents a parameter $($command.Name) does not have: rename or remove that section."
    }
    $examples = @(Read-Examples -Body $sections['Examples'] -File $relative)
    if ($examples.Count -lt 2) { Add-Problem $relative "'## Examples' needs at least two examples ('### Example 1: ...', each a code block and an explanation)." }

    $instance = try { [Activator]::CreateInstance($command.ImplementingType) } catch { $null }
    $helpUri = $command.HelpUri
    if ($projectUri) {
        $expected = "$($projectUri.TrimEnd('/'))/blob/main/docs/cmdlets/$($command.Name).md"
        if ($helpUri -ne $expected) { Add-Problem $relative "$($command.ImplementingType.Name) needs [Cmdlet(..., HelpUri = `"$expected`")] (it has '$helpUri')." }
    }

    $xml.WriteStartElement('command', 'command', $ns.command)
    $xml.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $xml.WriteAttributeString('xmlns', 'command', $null, $ns.command)
    $xml.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
    $xml.WriteStartElement('command', 'details', $ns.command)
    $xml.WriteElementString('command', 'name', $ns.command, $command.Name)
    $xml.WriteElementString('command', 'verb', $ns.command, $command.Verb)
    $xml.WriteElementString('command', 'noun', $ns.command, $command.Noun)
    Write-Paras maml description @(ConvertTo-Paragraphs $sections['Synopsis'])
    $xml.WriteEndElement()
    Write-Paras maml description @(ConvertTo-Paragraphs $sections['Description'])

    $xml.WriteStartElement('command', 'syntax', $ns.command)
    $sets = $command.ParameterSets | Sort-Object { -not $_.IsDefault }, Name
    foreach ($set in $sets) {
        $xml.WriteStartElement('command', 'syntaxItem', $ns.command)
        $xml.WriteElementString('maml', 'name', $ns.maml, $command.Name)
        $inSet = $set.Parameters | Where-Object { $_.Name -notin $commonParameters } |
            Sort-Object { $_.Name -in $shouldProcessParameters }, { if ($_.Position -lt 0) { [int]::MaxValue } else { $_.Position } }, { -not $_.IsMandatory }, Name
        foreach ($p in $inSet) {
            $position = if ($p.Position -lt 0) { 'named' } else { "$($p.Position)" }
            Write-ParameterElement -Parameter $command.Parameters[$p.Name] -Required $p.IsMandatory -Position $position -PipelineInput (Get-PipelineInput @($p)) -Syntax
        }
        $xml.WriteEndElement()
    }
    $xml.WriteEndElement()

    $xml.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($parameter in $parameters) {
        $doc = $parameterDocs[$parameter.Name]
        if (-not $doc) { $doc = $shared[$parameter.Name] }
        if (-not $doc -and $parameter.Name -eq 'WhatIf') { $doc = [pscustomobject]@{ Text = 'Shows what would happen if the cmdlet runs. The cmdlet is not run and changes nothing.'; Default = 'False' } }
        if (-not $doc -and $parameter.Name -eq 'Confirm') { $doc = [pscustomobject]@{ Text = 'Prompts you for confirmation before running the cmdlet (-Confirm:$false never asks).'; Default = 'False' } }
        if (-not $doc) {
            # Tolerated so a new parameter does not break the build, but the page should say it: the warning names it.
            $summary = Get-XmlDocSummary $command.ImplementingType $parameter.Name
            $hint = "add '### -$($parameter.Name)' under '## Parameters' (or to docs/cmdlets/common-parameters.md when several cmdlets share it)"
            if (-not $summary) { Add-Problem $relative "-$($parameter.Name) is not documented: $hint."; continue }
            Add-Warning $relative "-$($parameter.Name) is documented only in its C# summary: $hint."
            $doc = [pscustomobject]@{ Text = $summary; Default = $null }
        }
        $setData = @($parameter.ParameterSets.Values)
        $required = @($setData | Where-Object IsMandatory).Count -eq $setData.Count
        $positions = @($setData | Where-Object { $_.Position -ge 0 } | ForEach-Object Position | Select-Object -Unique)
        $position = if ($positions.Count) { "$($positions[0])" } else { 'named' }
        $text = @(ConvertTo-Paragraphs $doc.Text)
        if (-not $required -and @($setData | Where-Object IsMandatory).Count) {
            $mandatoryIn = ($parameter.ParameterSets.GetEnumerator() | Where-Object { $_.Value.IsMandatory } | ForEach-Object Key) -join ', '
            $text += "Required in the parameter set(s): $mandatoryIn."
        }
        $default = if ($doc.Default) { $doc.Default } else { Get-DefaultValue $instance $parameter.Name }
        Write-ParameterElement -Parameter $parameter -Required $required -Position $position -PipelineInput (Get-PipelineInput $setData) -Description $text -Default $default
    }
    $xml.WriteEndElement()

    $inputs = @($command.Parameters.Values | Where-Object { $_.ParameterSets.Values | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } })
    $xml.WriteStartElement('command', 'inputTypes', $ns.command)
    foreach ($input in $inputs) {
        $xml.WriteStartElement('command', 'inputType', $ns.command)
        $xml.WriteStartElement('dev', 'type', $ns.dev)
        $xml.WriteElementString('maml', 'name', $ns.maml, $input.ParameterType.FullName)
        $xml.WriteEndElement()
        Write-Paras maml description @("-$($input.Name): $(Get-PipelineInput @($input.ParameterSets.Values))")
        $xml.WriteEndElement()
    }
    $xml.WriteEndElement()

    $xml.WriteStartElement('command', 'returnValues', $ns.command)
    foreach ($output in $command.OutputType) {
        $xml.WriteStartElement('command', 'returnValue', $ns.command)
        $xml.WriteStartElement('dev', 'type', $ns.dev)
        $xml.WriteElementString('maml', 'name', $ns.maml, $output.Name)
        $xml.WriteEndElement()
        Write-Paras maml description @(if ($sections.Contains('Outputs')) { ConvertTo-Paragraphs $sections['Outputs'] })
        $xml.WriteEndElement()
    }
    $xml.WriteEndElement()

    if ($sections.Contains('Notes')) {
        $xml.WriteStartElement('maml', 'alertSet', $ns.maml)
        $xml.WriteStartElement('maml', 'alert', $ns.maml)
        foreach ($p in ConvertTo-Paragraphs $sections['Notes']) { $xml.WriteElementString('maml', 'para', $ns.maml, $p) }
        $xml.WriteEndElement()
        $xml.WriteEndElement()
    }

    $xml.WriteStartElement('command', 'examples', $ns.command)
    foreach ($example in $examples) {
        $xml.WriteStartElement('command', 'example', $ns.command)
        $xml.WriteElementString('maml', 'title', $ns.maml, "--------- $($example.Title) ---------")
        $xml.WriteElementString('dev', 'code', $ns.dev, $example.Code)
        Write-Paras dev remarks $example.Remarks
        $xml.WriteEndElement()
    }
    $xml.WriteEndElement()

    $xml.WriteStartElement('command', 'relatedLinks', $ns.command)
    if ($helpUri) {
        $xml.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $xml.WriteElementString('maml', 'linkText', $ns.maml, 'Online Version:')
        $xml.WriteElementString('maml', 'uri', $ns.maml, $helpUri)
        $xml.WriteEndElement()
    }
    foreach ($link in @('about_Ocelot') + @($sections.Contains('Related Links') ? ([regex]::Matches($sections['Related Links'], '[A-Z][a-z]+-Ocelot\w+') | ForEach-Object Value | Select-Object -Unique) : @())) {
        $xml.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $xml.WriteElementString('maml', 'linkText', $ns.maml, $link)
        $xml.WriteElementString('maml', 'uri', $ns.maml, '')
        $xml.WriteEndElement()
    }
    $xml.WriteEndElement()
    $xml.WriteEndElement()
}

$xml.WriteEndElement()
$xml.WriteEndDocument()
$xml.Dispose()

foreach ($warning in $script:warnings) { [Console]::Out.WriteLine($warning) }
if ($script:problems.Count) {
    foreach ($problem in $script:problems) { [Console]::Out.WriteLine($problem) }
    exit 1
}
$null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName([System.IO.Path]::GetFullPath($OutputPath)))
# Written whole, then moved into place: a failed run never leaves half a help file.
$temporary = "$OutputPath.tmp"
[System.IO.File]::WriteAllBytes($temporary, $stream.ToArray())
[System.IO.File]::Move($temporary, $OutputPath, $true)
"Cmdlet help for $($commands.Count) cmdlets written to $OutputPath"
