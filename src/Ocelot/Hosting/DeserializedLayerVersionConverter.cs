using System.Management.Automation;

namespace Ocelot.Hosting;

/// <summary>
/// Turns a layer version read back by Import-Clixml into a live <see cref="OcelotLayerVersion"/> (named by
/// Ocelot.Types.ps1xml). A file that does not hold a readable layer version stays a property bag, and the cmdlet it is
/// piped to reports what is wrong with it.
/// </summary>
public sealed class DeserializedLayerVersionConverter : PSTypeConverter
{
    private const string DeserializedTypeName = "Deserialized.Ocelot.OcelotLayerVersion";

    public override bool CanConvertFrom(object sourceValue, Type destinationType) =>
        destinationType == typeof(OcelotLayerVersion) && sourceValue is PSObject { TypeNames: var names } && names.Contains(DeserializedTypeName);

    public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase)
    {
        try
        {
            return LayerVersionInput.Read((PSObject)sourceValue);
        }
        catch (OcelotException ex)
        {
            throw new PSInvalidCastException(ex.Message, ex);
        }
    }

    public override bool CanConvertTo(object sourceValue, Type destinationType) => false;

    public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
        throw new PSInvalidCastException($"Cannot convert an Ocelot layer version to {destinationType}.");
}
