using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Reports;

/// <summary>The GitHub Actions step summary file ($GITHUB_STEP_SUMMARY): a report is appended whole, or not at all.</summary>
public static class StepSummary
{
    public static void Append(string path, string report)
    {
        var text = report.EndsWith('\n') ? report : report + "\n";
        long? lengthBefore = null;
        try
        {
            using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            lengthBefore = file.Length;
            using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false));
            writer.Write(text);
            writer.Flush();
            file.Flush(flushToDisk: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // A half-written report (a full disk) is cut back, so the summary holds what it held before.
            if (lengthBefore is { } length) TryTruncate(path, length);
            throw new OcelotException(ErrorIds.StepSummaryWriteFailed, FailureKind.WriteError,
                $"The report could not be appended to the step summary '{path}' (GITHUB_STEP_SUMMARY): {ex.Message}",
                "Check that GITHUB_STEP_SUMMARY names a writable file on a disk with space; the report is still written to the pipeline.", path, ex);
        }
    }

    private static void TryTruncate(string path, long length)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
            if (file.Length > length) file.SetLength(length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the error above already names the file.
        }
    }
}
