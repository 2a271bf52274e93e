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

Describe 'Layer versions saved with Export-Clixml' {
    BeforeAll {
        $arn = 'arn:aws:lambda:us-east-1:123456789012:layer:ocel-amd64-minimal-0_1_0-prod:3'
        $saved = [Ocelot.OcelotLayerVersion]@{
            LayerName = 'ocel-amd64-minimal-0_1_0-prod'; Version = 3; LayerVersionArn = $arn; Region = 'us-east-1'
            LayerArn = 'arn:aws:lambda:us-east-1:123456789012:layer:ocel-amd64-minimal-0_1_0-prod'; Status = 'Orphaned'; SharedWith = @('*', '210987654321')
        }
        $path = [System.IO.Path]::Combine($TestDrive, 'versions.clixml')
        $saved | Export-Clixml -LiteralPath $path
    }

    It 'come back from Import-Clixml as live layer versions that filter by Status name' {
        $back = Import-Clixml -LiteralPath $path
        $back | Should -BeOfType ([Ocelot.OcelotLayerVersion])
        @($back | Where-Object Status -eq 'Orphaned').Count | Should -Be 1
        $back.SharedWith | Should -Be @('*', '210987654321')
        "$back" | Should -Be $arn
    }

    It 'stay a property bag when the file was changed so it no longer holds a layer version' {
        $tampered = [System.IO.Path]::Combine($TestDrive, 'tampered.clixml')
        (Get-Content -LiteralPath $path -Raw) -replace '<I64 N="Version">3</I64>', '<S N="Version">three</S>' | Set-Content -LiteralPath $tampered
        $back = Import-Clixml -LiteralPath $tampered
        $back | Should -Not -BeOfType ([Ocelot.OcelotLayerVersion])
        $back.pstypenames | Should -Contain 'Deserialized.Ocelot.OcelotLayerVersion'
    }
}
