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
