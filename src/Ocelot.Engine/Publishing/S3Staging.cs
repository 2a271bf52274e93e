using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Transfer;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Publishing;

/// <summary>
/// Staging a zip in S3 for layers over the direct-upload limit: a multipart upload streamed from the file, published
/// from S3, then removed (unless kept).
/// </summary>
public static partial class S3Staging
{
    /// <summary>
    /// The bucket for each region: one name (or a template with <c>{region}</c>) for all regions, or one name per
    /// region in the order of the regions.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Buckets(IReadOnlyList<string> buckets, IReadOnlyList<string> regions)
    {
        if (buckets.Count > 1 && buckets.Count != regions.Count)
            throw Invalid($"{buckets.Count} buckets were given for {regions.Count} regions", string.Join(",", buckets));
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < regions.Count; i++)
        {
            var bucket = BucketFor(buckets, regions[i], i);
            if (!BucketName().IsMatch(bucket) || bucket.Contains(".."))
                throw Invalid($"'{bucket}' is not a valid S3 bucket name", bucket);
            map[regions[i]] = bucket;
        }
        return map;
    }

    public static string BucketFor(IReadOnlyList<string> buckets, string region, int index) =>
        (buckets.Count == 1 ? buckets[0] : buckets[index]).Replace("{region}", region, StringComparison.Ordinal);

    public static string KeyFor(string layerName, string sha256) => $"ocelot-staging/{layerName}/{sha256}.zip";

    public static async Task UploadAsync(IAmazonS3 s3, string bucket, string key, string path, Action<long, long> progress, CancellationToken cancellationToken)
    {
        using var transfer = new TransferUtility(s3, new TransferUtilityConfig { ConcurrentServiceRequests = 4 });
        var request = new TransferUtilityUploadRequest
        {
            BucketName = bucket,
            Key = key,
            FilePath = path,
            // Parts of 16 MiB keep memory flat whatever the zip's size (S3's minimum part is 5 MiB).
            PartSize = 16 * 1024 * 1024,
        };
        request.UploadProgressEvent += (_, e) => progress(e.TransferredBytes, e.TotalBytes);
        await transfer.UploadAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static OcelotException Invalid(string why, string target) =>
        new(ErrorIds.S3StagingFailed, FailureKind.InvalidArgument, $"Cannot stage the layer in S3: {why}.",
            "Give one staging bucket name, a template such as my-bucket-{region}, or one bucket per region in the order of the regions.", target);

    // S3 bucket naming rules: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\z")]
    private static partial Regex BucketName();
}
