using System.Globalization;
using System.Management.Automation;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Text;

namespace Ocelot.Hosting;

/// <summary>
/// Layer versions as they come down a pipeline: live objects, or the same objects after Export-Clixml/Import-Clixml
/// (property bags named Deserialized.Ocelot.OcelotLayerVersion) or Export-Csv/Import-Csv (every value a string, lists
/// flattened). Read by property name; what cannot be read back is refused with an error naming the property.
/// </summary>
internal static class LayerVersionInput
{
    public static OcelotLayerVersion Read(PSObject input)
    {
        if (input.BaseObject is OcelotLayerVersion live) return live;
        string? Text(string name) => input.Properties[name]?.Value is { } value && LanguagePrimitives.ConvertTo<string>(value) is { Length: > 0 } text ? text : null;
        string Required(string name) => Text(name) ?? throw Invalid($"The input has no {name}: it is not a layer version from Get-OcelotLayer or Publish-OcelotLayer.", name);
        T? Number<T>(string name) where T : struct
        {
            if (Text(name) is not { } text) return null;
            try
            {
                return (T)LanguagePrimitives.ConvertTo(text.Trim(), typeof(T), CultureInfo.InvariantCulture);
            }
            catch (PSInvalidCastException)
            {
                throw Invalid($"{name} is '{text}', not a {typeof(T).Name}.", name);
            }
        }
        IReadOnlyList<string> List(string name) => input.Properties[name]?.Value switch
        {
            null => [],
            string text => FlattenedList.Parse([text], name),
            var value => FlattenedList.Parse(LanguagePrimitives.GetEnumerable(value) is { } items ? items.Cast<object?>().Select(i => i?.ToString()) : [value.ToString()], name),
        };

        return new OcelotLayerVersion
        {
            LayerName = Required("LayerName"),
            Version = Number<long>("Version") ?? throw Invalid("The input has no Version.", "Version"),
            LayerVersionArn = Required("LayerVersionArn"),
            LayerArn = Text("LayerArn") ?? Required("LayerVersionArn")[..Required("LayerVersionArn").LastIndexOf(':')],
            Region = Required("Region"),
            Architecture = Text("Architecture"),
            Distribution = Text("Distribution"),
            DistributionDescription = Text("DistributionDescription"),
            CollectorVersion = Text("CollectorVersion"),
            LayerVersionString = Text("LayerVersionString"),
            ReleaseGroup = Text("ReleaseGroup"),
            Md5 = Text("Md5"),
            CodeSha256 = Text("CodeSha256"),
            CodeSize = Number<long>("CodeSize"),
            CreatedDate = Date(input.Properties["CreatedDate"]?.Value),
            Description = Text("Description"),
            LicenseInfo = Text("LicenseInfo"),
            CompatibleRuntimes = [.. List("CompatibleRuntimes")],
            // Import-Clixml gives an enum back as its number, Import-Csv as its name.
            Status = Enum.TryParse<LayerVersionStatus>(Text("Status"), out var status) && Enum.IsDefined(status) ? status : LayerVersionStatus.Listed,
            SharedWith = [.. List("SharedWith")],
            Public = input.Properties["Public"]?.Value switch
            {
                null => null,
                bool flag => flag,
                PSObject { BaseObject: bool flag } => flag,
                var other => bool.TryParse(other.ToString(), out var flag) ? flag : throw Invalid($"Public is '{other}', not True or False.", "Public"),
            },
        };
    }

    /// <summary>A DateTimeOffset survives Clixml only as a property bag (its UtcDateTime keeps the ticks) and CSV as text.</summary>
    private static DateTimeOffset? Date(object? value) => value switch
    {
        null => null,
        PSObject { BaseObject: var inner } when inner is DateTimeOffset or DateTime => Date(inner),
        DateTimeOffset offset => offset,
        DateTime time => new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time),
        PSObject bag when bag.Properties["UtcDateTime"]?.Value is DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        _ when DateTimeOffset.TryParse(value.ToString(), CultureInfo.CurrentCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ when DateTimeOffset.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => throw Invalid($"CreatedDate is '{value}', not a date.", "CreatedDate"),
    };

    private static OcelotException Invalid(string message, string property) =>
        new(ErrorIds.InputObjectInvalid, FailureKind.InvalidData, message,
            "Pipe objects from Get-OcelotLayer or Publish-OcelotLayer (also after Export-Clixml/Import-Clixml or Export-Csv/Import-Csv).", property);
}
