namespace Ocelot.Hosting;

/// <summary>
/// Where the module's files are. Ocelot.dll lives in <c>bin/</c> under the module root (the folder of Ocelot.psd1),
/// both in a repository checkout and in a packaged module, so <c>config/</c> and <c>components/</c> are found beside the manifest.
/// </summary>
internal static class ModuleLayout
{
    public static string BinFolder { get; } = Path.GetDirectoryName(typeof(ModuleLayout).Assembly.Location)!;

    public static string ModuleRoot { get; } = Path.GetDirectoryName(BinFolder)!;

    public static string ComponentsFolder => Path.Combine(ModuleRoot, "components");
}
