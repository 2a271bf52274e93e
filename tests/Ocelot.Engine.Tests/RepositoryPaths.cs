namespace Ocelot.Engine.Tests;

internal static class RepositoryPaths
{
    public static string Root { get; } = Find();
    public static string Components => Path.Combine(Root, "components");
    public static string Config => Path.Combine(Root, "config");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ocelot.psd1"))) return dir.FullName;
        throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
