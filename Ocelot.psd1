@{
    RootModule           = 'bin/Ocelot.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0c7a3e-2f4d-4c8e-9a61-0e7f3d2b9c41'
    Author               = 'The Ocelot authors'
    CompanyName          = 'Ocelot'
    Copyright            = '(c) 2026 The Ocelot authors. MIT License.'
    Description          = 'Builds and publishes AWS Lambda extension layers of the OpenTelemetry Collector: named distributions of Go build tags, reproducible layer zips, multi-region publishing with DynamoDB metadata, and safe clean-up.'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'
    FormatsToProcess     = @('bin/Ocelot.Format.ps1xml')
    # Loaded before the types file, which names Ocelot.OcelotLayerVersion.
    RequiredAssemblies   = @('bin/Ocelot.Model.dll')
    TypesToProcess       = @('bin/Ocelot.Types.ps1xml')
    CmdletsToExport      = @('Get-OcelotDistribution', 'Invoke-OcelotBuild', 'Publish-OcelotLayer', 'Initialize-OcelotMetadataTable', 'Get-OcelotLayer', 'Remove-OcelotLayer', 'ConvertTo-OcelotReport', 'Test-OcelotCollectorConfig', 'Update-OcelotFunctionLayer', 'Copy-OcelotLayer')
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('PSEdition_Core', 'Linux', 'MacOS', 'Windows', 'AWS', 'Lambda', 'OpenTelemetry', 'Collector', 'Layer')
            ProjectUri   = 'https://github.com/ocelot-pwsh/Ocelot'
            LicenseUri   = 'https://github.com/ocelot-pwsh/Ocelot/blob/main/LICENSE'
            ReleaseNotes = 'See CHANGELOG in the project repository.'
        }
    }
}
