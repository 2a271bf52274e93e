namespace Ocelot.Engine.Publishing;

/// <summary>Where publishing (or copying) a version in one region is: progress shows it, and a failure is reported as the step's.</summary>
public enum PublishStep
{
    Connecting,
    CheckingForSameContent,
    Uploading,
    Sharing,
    RecordingMetadata,
}

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
