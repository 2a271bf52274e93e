using System.Diagnostics;
using System.Management.Automation;
using System.Text;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>
/// Family 6 of issue 8 (credentials in an upstream URL stay in memory) and the fetch half of family 1 (a stopped
/// fetch ends promptly), against the real git http-backend behind a loopback listener that demands Basic auth.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class UpstreamSecretTests(BuildEnvironment environment) : IDisposable
{
    private readonly TempFolder _output = new("ocelot-secret-out-");

    public void Dispose() => _output.Dispose();

    private static PipelineResult Build(string url, string output) =>
        ModuleSession.Run("$DebugPreference = 'Continue'; Invoke-OcelotBuild -Distribution minimal -UpstreamRepo $upstream -OutputDirectory $out -SkipCache -Verbose",
            new Dictionary<string, object?> { ["upstream"] = url, ["out"] = output });

    /// <summary>Every text the call produced: objects and their properties, every stream, the host, error targets.</summary>
    private static string EverythingShown(PipelineResult result)
    {
        var text = new StringBuilder(result.HostText);
        foreach (var item in result.Output)
        {
            text.AppendLine(item.ToString());
            foreach (var property in item.Properties) text.AppendLine($"{property.Name}={property.Value}");
        }
        foreach (var error in result.AllErrors)
            text.AppendLine($"{error} {error.Exception} {error.TargetObject} {error.ErrorDetails?.Message} {error.ErrorDetails?.RecommendedAction} {error.CategoryInfo}");
        foreach (var line in result.Warnings.Select(w => w.Message).Concat(result.Verbose.Select(v => v.Message)).Concat(result.Information.Select(i => i.ToString())))
            text.AppendLine(line);
        return text.ToString();
    }

    /// <summary>Every file under <paramref name="folder"/>, as UTF-8 text (git's config and packed files included).</summary>
    private static string EverythingStored(string folder) =>
        string.Join("\n", Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => f + "\n" + Encoding.UTF8.GetString(File.ReadAllBytes(f))));

    public static TheoryData<string, string, string> Credentials => new()
    {
        // user info as written in the URL, the user name and password it means
        { "ci-bot:plainS3cretQ", "ci-bot", "plainS3cretQ" },
        { "ci-bot:p%40ss%3Aw%2Frd%257Enc", "ci-bot", "p@ss:w/rd%7Enc" },
        { "b%C3%B6t:p%C3%A4ssw%C3%B6rd%E2%9C%93Zz", "böt", "pässwörd✓Zz" },
        { "ci-bot:pässwörd✓Raw", "ci-bot", "pässwörd✓Raw" },
        { "ci-bot:at@sign@S3cret", "ci-bot", "at@sign@S3cret" },
        { "x-access-token:ghp_TokenOnly0123456789", "x-access-token", "ghp_TokenOnly0123456789" },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public void Credentials_in_the_URL_reach_the_server_from_memory_and_appear_nowhere(string userInfo, string user, string password)
    {
        var name = $"secret-{Guid.NewGuid():N}";
        environment.CreateVariant(name, _ => { });
        using var server = new GitHttpServer(environment.Root) { RequiredAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")) };
        var url = $"http://{userInfo}@127.0.0.1:{server.Port}/{name}";
        var result = Build(url, _output.Path).AssertSucceeded();
        Assert.True(server.AuthorizedRequests > 0, "the server never saw the credentials");
        var artifact = Assert.Single(result.Output);
        Assert.Equal($"http://***@127.0.0.1:{server.Port}/{name}", artifact.Get<string>("UpstreamRepo"));

        var secrets = new[] { password, Uri.EscapeDataString(password), userInfo[(userInfo.IndexOf(':') + 1)..] };
        var shown = EverythingShown(result);
        var stored = EverythingStored(environment.CacheFolder) + EverythingStored(_output.Path);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, shown);
            Assert.DoesNotContain(secret, stored);
        }
        // The cached repository remembers the URL without its user info.
        Assert.Contains($"url = http://127.0.0.1:{server.Port}/{name}", stored);
    }

    [Fact]
    public void A_wrong_password_fails_with_an_error_that_does_not_repeat_it_and_leaves_no_cache_entry()
    {
        var name = $"secret-{Guid.NewGuid():N}";
        environment.CreateVariant(name, _ => { });
        using var server = new GitHttpServer(environment.Root) { RequiredAuthorization = "Basic " + Convert.ToBase64String("ci-bot:right"u8.ToArray()) };
        var before = Directory.Exists(Path.Combine(environment.CacheFolder, "git")) ? Directory.GetDirectories(Path.Combine(environment.CacheFolder, "git")).Length : 0;
        var result = Build($"http://ci-bot:Wr0ngPassw0rdXY@127.0.0.1:{server.Port}/{name}", _output.Path);
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("UpstreamFetchFailed,", error.FullyQualifiedErrorId);
        Assert.DoesNotContain("Wr0ngPassw0rdXY", EverythingShown(result));
        Assert.DoesNotContain("Wr0ngPassw0rdXY", EverythingStored(environment.CacheFolder));
        Assert.Equal(before, Directory.GetDirectories(Path.Combine(environment.CacheFolder, "git")).Length);
    }

    [Fact]
    public void A_file_URL_with_user_info_builds_without_keeping_it()
    {
        var result = Build($"file://someone:F1leSecretZ@{environment.UpstreamFolder}", _output.Path).AssertSucceeded();
        Assert.DoesNotContain("F1leSecretZ", EverythingShown(result));
        Assert.DoesNotContain("F1leSecretZ", EverythingStored(environment.CacheFolder));
    }

    [Fact]
    public void An_invalid_URL_with_credentials_is_refused_without_repeating_them()
    {
        var result = Build("https://ci-bot:Inval1dSecretQ@github.com/a b", _output.Path);
        Assert.StartsWith("UpstreamRepositoryInvalid,", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
        Assert.DoesNotContain("Inval1dSecretQ", EverythingShown(result));
    }

    [Theory]
    [InlineData("Get-OcelotLayer -Region us-east-1 -EndpointUrl $endpoint")]
    [InlineData("Initialize-OcelotMetadataTable -TableName ocelot-layers -Region us-east-1 -EndpointUrl $endpoint")]
    [InlineData("Remove-OcelotLayer -Pattern 'ocel-*' -Region us-east-1 -EndpointUrl $endpoint -WhatIf")]
    public void An_endpoint_URL_with_user_info_is_refused_without_repeating_it(string command)
    {
        var result = ModuleSession.Run(command, new Dictionary<string, object?> { ["endpoint"] = "http://AKIAKEY:EndpointS3cretZ@127.0.0.1:9" });
        Assert.StartsWith("EndpointInvalid,", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
        Assert.DoesNotContain("EndpointS3cretZ", EverythingShown(result));
    }

    [Fact]
    public void Stopping_the_pipeline_during_a_slow_fetch_ends_it_within_a_second_and_leaves_no_cache_entry()
    {
        var name = $"slow-{Guid.NewGuid():N}";
        environment.CreateVariant(name, folder =>
        {
            // Many small incompressible objects: libgit2 reports progress after each one.
            var junk = Directory.CreateDirectory(Path.Combine(folder, "junk")).FullName;
            var random = new Random(8);
            for (var i = 0; i < 3000; i++)
            {
                var bytes = new byte[400];
                random.NextBytes(bytes);
                File.WriteAllBytes(Path.Combine(junk, $"f{i}.bin"), bytes);
            }
        });
        using var server = new GitHttpServer(environment.Root);
        using var proxy = new SlowLoopbackProxy(server.Port);
        var url = $"http://127.0.0.1:{proxy.Port}/{name}";
        var gitCache = Path.Combine(environment.CacheFolder, "git");
        var before = Directory.Exists(gitCache) ? Directory.GetFileSystemEntries(gitCache).Where(e => !e.EndsWith(".lock")).ToHashSet() : [];

        using var runspace = System.Management.Automation.Runspaces.RunspaceFactory.CreateRunspace(System.Management.Automation.Runspaces.InitialSessionState.CreateDefault2());
        runspace.Open();
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        runspace.SessionStateProxy.SetVariable("upstream", url);
        runspace.SessionStateProxy.SetVariable("out", _output.Path);
        shell.AddScript($"Import-Module '{ModuleSession.ManifestPath}'; Invoke-OcelotBuild -Distribution minimal -ConfigPath '{ModuleSession.FixtureConfig}' -UpstreamRepo $upstream -OutputDirectory $out -SkipCache -Verbose");
        var receiving = new ManualResetEventSlim();
        shell.Streams.Verbose.DataAdded += (_, e) =>
        {
            if (shell.Streams.Verbose[e.Index].Message.Contains(" objects, ")) receiving.Set();
        };
        var running = shell.BeginInvoke();
        Assert.True(receiving.Wait(TimeSpan.FromSeconds(60)), "the fetch never started receiving objects");
        Thread.Sleep(300);
        var clock = Stopwatch.StartNew();
        shell.Stop();
        Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(running));
        clock.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"stopping took {clock.Elapsed.TotalMilliseconds:F0} ms");
        var after = Directory.Exists(gitCache) ? Directory.GetFileSystemEntries(gitCache).Where(e => !e.EndsWith(".lock")).ToHashSet() : [];
        Assert.Equal(before.Order(), after.Order());
    }
}
