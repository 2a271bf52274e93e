BeforeAll {
    $repositoryRoot = (Resolve-Path ([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))).Path
    Import-Module ([System.IO.Path]::Combine($repositoryRoot, 'Ocelot.psd1')) -Force
}

Describe 'The module imported through its manifest in real pwsh' {
    It 'exports every cmdlet the manifest lists' {
        $manifest = Import-PowerShellDataFile ([System.IO.Path]::Combine($repositoryRoot, 'Ocelot.psd1'))
        $exported = (Get-Module Ocelot).ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'throws Ocelot.OcelotException, which a script catches by type name and reads the error id of' {
        $caught = try { Get-OcelotDistribution -ConfigPath ([System.IO.Path]::Combine($TestDrive, 'missing')) -ErrorAction Stop; 'not thrown' }
            catch [Ocelot.OcelotException] { $_.Exception.ErrorId }
            catch { "other: $($_.Exception.GetType().FullName)" }
        $caught | Should -Be 'ConfigFileNotFound'
    }

    It 'lists the shipped distributions' {
        (Get-OcelotDistribution minimal).Name | Should -Be 'minimal'
    }
}
