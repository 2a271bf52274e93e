namespace Ocelot.Engine.Components;

/// <summary>The <c>lambdacomponents.&lt;kind&gt;.&lt;name&gt;</c> build tags of upstream's naming, and the components they name.</summary>
public static class ComponentBuildTag
{
    /// <summary>
    /// The component a tag names when its module has no metadata.yaml: typed by the last part of its build tag
    /// (<c>lambdacomponents.exporter.otlphttp</c> gives <c>otlphttp</c>). Wrong for types with underscores.
    /// </summary>
    public static OcelotLayerComponent Component(string kind, string name, string? tag) => new()
    {
        Kind = kind,
        Type = name,
        BuildTag = tag ?? $"lambdacomponents.{kind}.{name}",
    };

    /// <summary>The build tag that would add a component of this kind and type, by upstream's naming (no underscores).</summary>
    public static string For(string kind, string type) => $"lambdacomponents.{kind}.{type.Replace("_", string.Empty).ToLowerInvariant()}";
}
