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

    It 'lists the shipped distributions' {
        (Get-OcelotDistribution minimal).Name | Should -Be 'minimal'
    }
}
