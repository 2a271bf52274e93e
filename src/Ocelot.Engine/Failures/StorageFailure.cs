namespace Ocelot.Engine.Failures;

/// <summary>
/// Turns the file system's own failures (a full disk, a read-only or forbidden folder) into Ocelot errors that name
/// the folder involved, instead of a raw .NET exception.
/// </summary>
public static class StorageFailure
{
    // Linux errno values, which .NET keeps as the HResult of an IOException it has no better type for.
    private const int NoSpaceLeft = 28;
    private const int QuotaExceeded = 122;
    private const int ReadOnlyFileSystem = 30;

    public static T Run<T>(string folder, string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not OperationCanceledException)
        {
            throw Translate(ex, folder, what);
        }
    }

    public static async Task RunAsync(string folder, string what, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Translate(ex, folder, what);
        }
    }

    public static OcelotException Translate(Exception ex, string folder, string what)
    {
        if (IsDiskFull(ex))
            return new OcelotException(ErrorIds.BuildDiskFull, FailureKind.WriteError,
                $"Could not {what}: the disk holding '{folder}' is full ({ex.Message}).",
                "Free space on that disk, or point TMPDIR (the build folder), OCELOT_CACHE or the output directory at a disk with room.", folder, ex);
        if (ex is UnauthorizedAccessException || ex.HResult == ReadOnlyFileSystem)
            return new OcelotException(ErrorIds.BuildFolderNotWritable, FailureKind.PermissionDenied,
                $"Could not {what}: '{folder}' cannot be written ({ex.Message}).",
                "Make the folder writable, or point TMPDIR, OCELOT_CACHE or the output directory at a folder you can write to.", folder, ex);
        return new OcelotException(ErrorIds.PackageWriteFailed, FailureKind.WriteError,
            $"Could not {what} in '{folder}': {ex.Message}", "Check that the folder exists, is writable and has space.", folder, ex);
    }

    /// <summary>A failure that waiting or retrying cannot cure: no space, or a read-only file system.</summary>
    public static bool IsPermanent(Exception ex) => IsDiskFull(ex) || ex.HResult == ReadOnlyFileSystem;

    public static bool IsDiskFull(Exception ex) => ex.HResult is NoSpaceLeft or QuotaExceeded || (ex.HResult & 0xFFFF) == 0x70; // 0x70: ERROR_DISK_FULL on Windows
}
