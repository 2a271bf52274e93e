using Ocelot.Engine.Failures;
using Ocelot.Engine.Operations;

namespace Ocelot.Engine.Build;

/// <summary>A file that goes into the layer zip: checked, after following every link, to be a file of its folder.</summary>
public static class LayerInput
{
    public static string RequireInside(string file, string folder, string what)
    {
        var real = ContainedPath.Resolve(file);
        var realFolder = ContainedPath.Resolve(folder);
        if (!ContainedPath.IsInside(real, realFolder))
            throw new OcelotException(ErrorIds.LayerInputOutsideFolder, FailureKind.InvalidData,
                $"Refusing to package {what}: '{file}' is a symbolic link to '{real}', outside '{folder}'.",
                "Replace the link with the file itself; Ocelot never packages a file from outside its folder.", file);
        if (!File.Exists(real))
            throw new OcelotException(ErrorIds.UpstreamLayoutInvalid, FailureKind.InvalidData,
                $"{char.ToUpperInvariant(what[0])}{what[1..]} '{file}' does not exist or is not a file.",
                "Set 'config-file' on the distribution, or build an upstream ref that has collector/config.yaml.", file);
        return real;
    }
}
