using System.Security.Cryptography;
using System.Text;
using LibGit2Sharp;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Operations;
using Ocelot.Engine.Text;

namespace Ocelot.Engine.Upstream;

/// <summary>
/// A persistent bare repository per upstream URL under the cache folder. The first fetch is shallow where the
/// transport allows it; later ones only bring what is new, and none happens when the commit is already there.
/// A file lock serialises fetches between processes; reading objects afterwards needs no lock.
/// </summary>
public sealed class UpstreamCache(string cacheFolder)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    public async Task<ResolvedUpstream> ResolveAsync(UpstreamSource source, string gitRef, IOperationSink sink, CancellationToken cancellationToken)
    {
        var repositoryPath = Path.Combine(cacheFolder, "git", Hash(source.Url));
        using var fileLock = await FileLock.AcquireAsync(repositoryPath + ".lock", LockTimeout, sink, cancellationToken).ConfigureAwait(false);
        var firstContact = !IsValidRepository(repositoryPath);
        var damage = firstContact ? (Directory.Exists(repositoryPath) ? "it is not a git repository" : null) : DamageOf(repositoryPath);
        if (damage is not null)
        {
            sink.Warning($"The cached copy of {source.DisplayName} at '{repositoryPath}' is damaged ({damage}); fetching it again.");
            DeleteDamaged(repositoryPath, damage);
            firstContact = true;
        }
        try
        {
            if (firstContact && !source.IsLocal) CloneShallow(source, repositoryPath, sink, cancellationToken);
            return Resolve(source, gitRef, repositoryPath, sink, cancellationToken);
        }
        catch (LibGit2SharpException ex) when (!firstContact)
        {
            throw Damaged(repositoryPath, ex.Message, ex);
        }
        catch when (firstContact)
        {
            // A first contact that failed (unreachable, refused, stopped) leaves no cache entry to be mistaken later.
            try { if (Directory.Exists(repositoryPath)) Directory.Delete(repositoryPath, recursive: true); }
            catch (IOException) { }
            throw;
        }
    }

    private static bool IsValidRepository(string path)
    {
        try { return Repository.IsValid(path); }
        catch (LibGit2SharpException) { return Directory.Exists(path); }
    }

    /// <summary>Why the cached repository cannot be trusted, or null: its config, shallow file and remote must read back.</summary>
    private static string? DamageOf(string repositoryPath)
    {
        var shallow = Path.Combine(repositoryPath, "shallow");
        if (new FileInfo(shallow).LinkTarget is not null || Directory.Exists(shallow)) return "its shallow file is not a file";
        if (File.Exists(shallow) && File.ReadAllLines(shallow).Any(l => l.Length > 0 && !ObjectId.TryParse(l, out _)))
            return "its shallow file holds lines that are not commit ids";
        try
        {
            using var repository = new Repository(repositoryPath);
            if (!repository.Info.IsBare) return "it is not a bare repository";
            _ = repository.Network.Remotes["origin"]?.Url;
            return null;
        }
        catch (LibGit2SharpException ex)
        {
            return ex.Message;
        }
    }

    private static void DeleteDamaged(string repositoryPath, string damage)
    {
        try
        {
            Directory.Delete(repositoryPath, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Damaged(repositoryPath, $"{damage}; removing it failed: {ex.Message}", ex);
        }
    }

    private static OcelotException Damaged(string repositoryPath, string why, Exception? inner = null) =>
        new(ErrorIds.CacheEntryDamaged, FailureKind.InvalidData,
            $"The cached upstream repository '{repositoryPath}' is damaged: {why}",
            $"Delete '{repositoryPath}' and run the build again; Ocelot fetches it anew.", repositoryPath, inner);

    private static ResolvedUpstream Resolve(UpstreamSource source, string gitRef, string repositoryPath, IOperationSink sink, CancellationToken cancellationToken)
    {
        using var repository = OpenOrCreate(repositoryPath, source);
        if (UpstreamRef.IsFullCommit(gitRef) && repository.Lookup<Commit>(gitRef) is { } pinned)
        {
            sink.Verbose($"Commit {pinned.Sha} is already in the cache; no fetch needed.");
            return new ResolvedUpstream(source, gitRef, pinned.Sha, repositoryPath);
        }

        var advertised = ListRemoteReferences(repository, source, cancellationToken);
        var match = FindRef(advertised, gitRef);
        if (match is not null)
        {
            var (refName, commit) = match.Value;
            if (repository.Lookup<Commit>(commit) is null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Fetch(repository, source, [$"+{refName}:refs/ocelot/{refName}"], sink, cancellationToken);
            }
            var resolved = repository.Lookup<Commit>(commit) ?? throw NotFound(source, gitRef, advertised);
            sink.Verbose($"{refName} of {source.DisplayName} is commit {resolved.Sha}.");
            return new ResolvedUpstream(source, gitRef, resolved.Sha, repositoryPath);
        }
        if (!UpstreamRef.LooksLikeCommit(gitRef)) throw NotFound(source, gitRef, advertised);

        var local = TryLookupCommit(repository, gitRef);
        if (local is null && !source.IsLocal && UpstreamRef.IsFullCommit(gitRef))
        {
            // GitHub serves any reachable commit by id; a server that refuses falls through to a full fetch.
            try { Fetch(repository, source, [$"+{gitRef}:refs/ocelot/pinned/{gitRef}"], sink, cancellationToken); }
            catch (OcelotException) { sink.Verbose("The server does not serve commits by id; fetching its history."); }
            local = TryLookupCommit(repository, gitRef);
        }
        if (local is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Fetch(repository, source, ["+refs/heads/*:refs/ocelot/refs/heads/*", "+refs/tags/*:refs/ocelot/refs/tags/*"], sink, cancellationToken);
            local = TryLookupCommit(repository, gitRef);
        }
        if (local is null) throw NotFound(source, gitRef, advertised);
        sink.Verbose($"Commit {gitRef} of {source.DisplayName} is {local.Sha}.");
        return new ResolvedUpstream(source, gitRef, local.Sha, repositoryPath);
    }

    /// <summary>Writes the files of a commit's tree into <paramref name="destination"/>, a folder that must not exist yet.</summary>
    public static void Export(ResolvedUpstream upstream, string destination, CancellationToken cancellationToken)
    {
        try
        {
            using var repository = new Repository(upstream.RepositoryPath);
            var commit = repository.Lookup<Commit>(upstream.Commit);
            UntrustedTreeExport.Write(commit.Tree, upstream.Commit, destination, cancellationToken);
        }
        catch (LibGit2SharpException ex)
        {
            throw Damaged(upstream.RepositoryPath, $"reading commit {upstream.Commit} failed: {ex.Message}", ex);
        }
    }

    private static Repository OpenOrCreate(string path, UpstreamSource source)
    {
        if (!Repository.IsValid(path))
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true); // a half-created repository from a crash
            Repository.Init(path, isBare: true);
        }
        var repository = new Repository(path);
        var remote = repository.Network.Remotes["origin"];
        if (remote is null) repository.Network.Remotes.Add("origin", source.Url);
        else if (remote.Url != source.Url) repository.Network.Remotes.Update("origin", r => r.Url = source.Url);
        return repository;
    }

    private static List<(string Name, string Commit)> ListRemoteReferences(Repository repository, UpstreamSource source, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var origin = repository.Network.Remotes["origin"];
            var references = (Credentials(source) is { } credentials ? repository.Network.ListReferences(origin, credentials) : repository.Network.ListReferences(origin)).ToList();
            var result = new List<(string, string)>();
            foreach (var reference in references)
            {
                if (reference is not DirectReference direct) continue;
                result.Add((direct.CanonicalName, direct.TargetIdentifier));
            }
            return result;
        }
        catch (LibGit2SharpException ex)
        {
            throw FetchFailed(source, ex);
        }
    }

    /// <summary>Branch first, then tag (peeled to its commit), then a full ref name.</summary>
    private static (string Name, string Commit)? FindRef(List<(string Name, string Commit)> advertised, string gitRef)
    {
        string[] candidates = gitRef.StartsWith("refs/", StringComparison.Ordinal) ? [gitRef] : [$"refs/heads/{gitRef}", $"refs/tags/{gitRef}"];
        foreach (var candidate in candidates)
        {
            var peeled = advertised.FirstOrDefault(r => r.Name == candidate + "^{}");
            if (peeled.Name is not null) return (candidate, peeled.Commit);
            var direct = advertised.FirstOrDefault(r => r.Name == candidate);
            if (direct.Name is not null) return direct;
        }
        return null;
    }

    /// <summary>
    /// The first contact with a remote: a bare clone of depth 1 (branch tips only) into a staging folder renamed into
    /// place. libgit2 takes a depth on clone only, and its local transport cannot do shallow, hence remote sources only.
    /// Later fetches into the shallow repository bring only what is new.
    /// </summary>
    private static void CloneShallow(UpstreamSource source, string repositoryPath, IOperationSink sink, CancellationToken cancellationToken)
    {
        var staging = $"{repositoryPath}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var options = new CloneOptions(new FetchOptions { Depth = 1 }) { IsBare = true, Checkout = false };
        Configure(options.FetchOptions, source, sink, cancellationToken);
        sink.Verbose($"Cloning {source.DisplayName} (shallow) into the cache.");
        try
        {
            Repository.Clone(source.Url, staging, options);
            if (Directory.Exists(repositoryPath)) Directory.Delete(repositoryPath, recursive: true);
            Directory.Move(staging, repositoryPath);
        }
        catch (LibGit2SharpException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (LibGit2SharpException ex)
        {
            // Servers that cannot serve a shallow clone (dumb HTTP) still serve a plain fetch, done by the caller.
            sink.Verbose($"Shallow clone failed ({ex.Message}); fetching normally.");
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// Progress, cancellation and credentials for one transfer. libgit2 asks the progress callbacks after every
    /// object received; answering false stops the transfer there, so a stopped pipeline ends a fetch promptly.
    /// </summary>
    private static void Configure(FetchOptions options, UpstreamSource source, IOperationSink sink, CancellationToken cancellationToken)
    {
        var lastReport = DateTime.MinValue;
        options.OnTransferProgress = progress =>
        {
            if (cancellationToken.IsCancellationRequested) return false;
            if (DateTime.UtcNow - lastReport > TimeSpan.FromMilliseconds(500))
            {
                lastReport = DateTime.UtcNow;
                sink.Verbose($"Fetching {source.DisplayName}: {progress.ReceivedObjects}/{progress.TotalObjects} objects, {progress.ReceivedBytes / 1024} KiB");
            }
            return true;
        };
        options.OnProgress = _ => !cancellationToken.IsCancellationRequested;
        options.CredentialsProvider = Credentials(source);
    }

    /// <summary>The URL's credentials, from memory; null (anonymous) when it had none.</summary>
    private static LibGit2Sharp.Handlers.CredentialsHandler? Credentials(UpstreamSource source) =>
        source.Credentials is { } credentials
            ? (_, _, _) => new UsernamePasswordCredentials { Username = credentials.UserName, Password = credentials.Password }
            : null;

    private static void Fetch(Repository repository, UpstreamSource source, IReadOnlyList<string> refSpecs, IOperationSink sink, CancellationToken cancellationToken)
    {
        var options = new FetchOptions { TagFetchMode = TagFetchMode.None };
        Configure(options, source, sink, cancellationToken);
        sink.Verbose($"Fetching {string.Join(", ", refSpecs)} from {source.DisplayName}.");
        var shallowFile = Path.Combine(repository.Info.Path, "shallow");
        var boundary = File.Exists(shallowFile) ? File.ReadAllLines(shallowFile).Where(l => l.Length > 0).ToList() : [];
        try
        {
            Commands.Fetch(repository, "origin", refSpecs, options, "ocelot fetch");
        }
        catch (LibGit2SharpException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (LibGit2SharpException ex)
        {
            throw FetchFailed(source, ex);
        }
        finally
        {
            // libgit2 drops the shallow file on an incremental fetch into a shallow repository although it brings no
            // older history; the old boundary commits still have no parents here, so put them back.
            if (boundary.Count > 0)
            {
                var now = File.Exists(shallowFile) ? File.ReadAllLines(shallowFile).Where(l => l.Length > 0) : [];
                File.WriteAllLines(shallowFile, boundary.Union(now).Order(StringComparer.Ordinal));
            }
        }
    }

    private static Commit? TryLookupCommit(Repository repository, string id)
    {
        try { return repository.Lookup<Commit>(id); }
        catch (AmbiguousSpecificationException) { return null; }
    }

    private static OcelotException FetchFailed(UpstreamSource source, Exception ex) =>
        new(ErrorIds.UpstreamFetchFailed, FailureKind.ConnectionError,
            $"Could not fetch from '{source.DisplayName}': {ex.Message}",
            "Check the repository address and your network; for a private repository use a local clone path.", source.DisplayName, ex);

    private static OcelotException NotFound(UpstreamSource source, string gitRef, List<(string Name, string Commit)> advertised)
    {
        var names = advertised.Select(r => r.Name)
            .Where(n => n.StartsWith("refs/heads/", StringComparison.Ordinal) || n.StartsWith("refs/tags/", StringComparison.Ordinal))
            .Select(n => n.EndsWith("^{}", StringComparison.Ordinal) ? n[..^3] : n)
            .Select(n => n[(n.IndexOf('/', 5) + 1)..])
            .Distinct().ToList();
        return new OcelotException(ErrorIds.UpstreamRefNotFound, FailureKind.ObjectNotFound,
            $"'{gitRef}' is not a branch, tag or commit of '{source.DisplayName}'.{ClosestMatch.Hint(gitRef, names)}",
            "Give an existing branch, tag or commit SHA of the upstream repository.", gitRef);
    }

    /// <summary>The cache's folder name for one upstream URL.</summary>
    internal static string FolderName(UpstreamSource source) => Hash(source.Url);

    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
}
