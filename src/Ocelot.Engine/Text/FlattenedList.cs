using System.Text.RegularExpressions;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Text;

/// <summary>
/// A list that may have passed through Export-Csv/Import-Csv: a value joined with commas or spaces is split back; a
/// value that is a .NET type name (Export-Csv writes a string[] as "System.String[]") is refused, since the items are
/// lost and would otherwise end up as text in a layer description or a metadata item.
/// </summary>
public static partial class FlattenedList
{
    public static IReadOnlyList<string> Parse(IEnumerable<string?> values, string propertyName)
    {
        var items = new List<string>();
        foreach (var value in values)
        {
            if (value is null) continue;
            if (TypeName().IsMatch(value.Trim()))
                throw new OcelotException(ErrorIds.InputObjectInvalid, FailureKind.InvalidData,
                    $"{propertyName} is the text '{value.Trim()}', not a list: Export-Csv writes a list as its type name, and its items are lost.",
                    $"Round-trip objects with Export-Clixml/Import-Clixml, or give the {propertyName} items (e.g. joined with commas in the CSV).", propertyName);
            items.AddRange(Separators().Split(value).Where(item => item.Length > 0));
        }
        return items;
    }

    /// <summary>True when a value is such a flattened list (a .NET collection type name).</summary>
    public static bool IsFlattened(string? value) => value is not null && TypeName().IsMatch(value.Trim());

    [GeneratedRegex(@"\A(?:System|Deserialized|Microsoft)\.[A-Za-z0-9_.`+]*(?:\[[^\r\n]*\])?\z")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"[,\s]+")]
    private static partial Regex Separators();
}
