namespace Ocelot.Engine.Publishing;

/// <summary>The words progress records and messages use for a <see cref="PublishStep"/>.</summary>
public static class PublishStepText
{
    public static string Text(this PublishStep step) => step switch
    {
        PublishStep.Connecting => "connecting",
        PublishStep.CheckingForSameContent => "checking for a version with the same content",
        PublishStep.Uploading => "uploading",
        PublishStep.Sharing => "sharing",
        PublishStep.RecordingMetadata => "recording metadata",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
