using System.Management.Automation;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace Ocelot.Module.Tests;

/// <summary>
/// Family 9 of issue 8, build half: a full disk and a read-only folder, on real tmpfs mounts, are Ocelot errors with
/// an id, a category and the folder involved, and leave no half-written file behind.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class BuildStorageFailureTests(BuildEnvironment environment, ITestOutputHelper log)
{
    private TmpfsMount? Mount(string size)
    {
        var mount = TmpfsMount.TryMount(size, out var whyNot);
        if (mount is null) log.WriteLine("SKIPPED: " + whyNot);
        return mount;
    }

    private PipelineResult Build(string output) =>
        ModuleSession.Run("Invoke-OcelotBuild -Distribution minimal -UpstreamRepo $upstream -OutputDirectory $out -SkipCache",
            new Dictionary<string, object?> { ["upstream"] = environment.UpstreamFolder, ["out"] = output });

    private static ErrorRecord OnlyError(PipelineResult result, string id, ErrorCategory category, string path)
    {
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith(id + ",", error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Equal(path, error.TargetObject);
        Assert.Contains(path, error.Exception.Message);
        Assert.DoesNotContain("   at ", error.Exception.Message);
        return error;
    }

    [Fact]
    public void A_full_output_disk_is_BuildDiskFull_naming_the_folder_and_leaves_no_partial_zip()
    {
        using var mount = Mount("1m");
        if (mount is null) return;
        mount.Fill();
        OnlyError(Build(mount.Path), "BuildDiskFull", ErrorCategory.WriteError, mount.Path);
        Assert.Empty(mount.Entries());
    }

    [Fact]
    public void A_read_only_output_folder_is_BuildFolderNotWritable_naming_the_folder()
    {
        using var mount = Mount("16m");
        if (mount is null) return;
        mount.MakeReadOnly();
        OnlyError(Build(mount.Path), "BuildFolderNotWritable", ErrorCategory.PermissionDenied, mount.Path);
    }

    [Fact]
    public void A_full_temp_disk_is_BuildDiskFull_naming_the_build_folder_and_leaves_nothing_there()
    {
        using var mount = Mount("64k");
        if (mount is null) return;
        mount.Fill();
        using var output = new TempFolder();
        environment.Set("TMPDIR", mount.Path);
        try
        {
            var error = Assert.Single(Build(output.Path).AllErrors);
            Assert.StartsWith("BuildDiskFull,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.WriteError, error.CategoryInfo.Category);
            Assert.StartsWith(mount.Path, (string)error.TargetObject);
            Assert.Empty(mount.Entries());
        }
        finally
        {
            environment.Set("TMPDIR", null);
        }
    }

    [Fact]
    public void A_read_only_cache_is_an_error_at_once_not_a_ten_minute_wait_for_a_lock()
    {
        using var mount = Mount("1m");
        if (mount is null) return;
        mount.MakeReadOnly();
        using var output = new TempFolder();
        environment.Set("OCELOT_CACHE", mount.Path);
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var error = Assert.Single(Build(output.Path).AllErrors);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
            Assert.StartsWith("BuildFolderNotWritable,", error.FullyQualifiedErrorId);
            Assert.StartsWith(mount.Path, (string)error.TargetObject);
        }
        finally
        {
            environment.Set("OCELOT_CACHE", environment.CacheFolder);
        }
    }
}
