@{
    RootModule        = 'bin/Release/net8.0/EmptyModule.dll'
    ModuleVersion     = '1.0.0'
    GUID              = '0d5f0c55-6a3e-4a57-9f7e-6f3f1b0a2c11'
    CmdletsToExport   = @('Get-Empty')
    FunctionsToExport = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
