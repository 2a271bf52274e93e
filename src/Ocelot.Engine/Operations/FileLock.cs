using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Operations;

/// <summary>
/// An exclusive lock between processes (and threads), held by keeping a lock file open without sharing.
/// The operating system releases it if the holder dies, so a crash never leaves the cache locked.
/// </summary>
public sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    public static async Task<FileLock> AcquireAsync(string path, TimeSpan timeout, IOperationSink sink, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A folder or a link where the lock file belongs would make every attempt fail (or open a file elsewhere).
        if (Directory.Exists(path) || new FileInfo(path).LinkTarget is not null)
            throw new OcelotException(ErrorIds.CacheEntryDamaged, FailureKind.InvalidData,
                $"The lock file '{path}' is not a plain file (a folder or a link is in its place).",
                $"Delete '{path}' and run again; Ocelot creates the lock file itself.", path);
        var deadline = DateTime.UtcNow + timeout;
        var told = false;
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException ex) when (StorageFailure.IsPermanent(ex))
            {
                throw StorageFailure.Translate(ex, Path.GetDirectoryName(path)!, $"create the lock file '{path}'");
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!told)
                {
                    sink.Verbose($"Waiting for another Ocelot build to release '{path}'.");
                    told = true;
                }
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new OcelotException(ErrorIds.BuildFolderNotWritable, FailureKind.PermissionDenied,
                    $"The lock file '{path}' cannot be opened: {ex.Message}",
                    $"Make '{Path.GetDirectoryName(path)}' writable, or point OCELOT_CACHE at a folder you own.", path, ex);
            }
            catch (IOException ex)
            {
                throw new OcelotException(ErrorIds.CacheLockTimeout, FailureKind.ResourceBusy,
                    $"Another Ocelot process has held '{path}' for more than {timeout.TotalMinutes:0} minutes.",
                    "Wait for the other build to finish, or stop it; the lock is released when that process ends.", path, ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
