namespace Ocelot.Engine.Overlay;

/// <summary>
/// One Go wrapper file of the overlay (<c>components/collector/lambdacomponents/&lt;kind&gt;/&lt;file&gt;.go</c>).
/// <see cref="Tag"/> is the component's own tag, e.g. <c>lambdacomponents.exporter.clickhouse</c>.
/// </summary>
public sealed record OverlayComponent(string Kind, string Name, string Tag, string FilePath, BuildConstraint Constraint)
{
    /// <summary>The short form used in listings and layer descriptions: <c>exporter.clickhouse</c>.</summary>
    public string ShortName => $"{Kind}.{Name}";

    /// <summary>Path relative to the lambdacomponents folder, with forward slashes: <c>exporter/clickhouse.go</c>.</summary>
    public string RelativePath => $"{Kind}/{Path.GetFileName(FilePath)}";
}
