using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Ocelot.Engine.Tests.Reports;

/// <summary>The real terraform binary reading a generated file: what the document means, not what it looks like.</summary>
internal static class TerraformConsole
{
    /// <summary>Writes <paramref name="configuration"/> as main.tf in a new folder and returns <paramref name="expression"/> as JSON, as terraform evaluates it.</summary>
    public static JsonElement Evaluate(string configuration, string expression)
    {
        var folder = Directory.CreateTempSubdirectory("ocelot-terraform-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "main.tf"), configuration, new UTF8Encoding(false));
            var start = new ProcessStartInfo("terraform", ["console"])
            {
                WorkingDirectory = folder,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardInputEncoding = new UTF8Encoding(false),
            };
            start.Environment["CHECKPOINT_DISABLE"] = "1";
            start.Environment["TF_IN_AUTOMATION"] = "1";
            using var terraform = Process.Start(start)!;
            // base64 of the JSON: terraform console prints strings in its own quoting, base64 needs none.
            terraform.StandardInput.WriteLine($"base64encode(jsonencode({expression}))");
            terraform.StandardInput.Close();
            var error = terraform.StandardError.ReadToEndAsync();
            var output = terraform.StandardOutput.ReadToEnd();
            terraform.WaitForExit();
            if (terraform.ExitCode != 0) throw new Xunit.Sdk.XunitException($"terraform console failed ({terraform.ExitCode}): {error.Result}\n{output}\n--- main.tf ---\n{configuration}");
            var encoded = output.Trim().Trim('"');
            var json = Convert.FromBase64String(encoded);
            try
            {
                using var document = JsonDocument.Parse(json);
                return document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new Xunit.Sdk.XunitException($"terraform's JSON did not parse: {ex.Message}\n--- main.tf ---\n{configuration}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
