using System.Web;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda.Support;

/// <summary>A request exactly as it arrived at a loopback stand-in.</summary>
public sealed record CapturedRequest(string Method, string RawUrl, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string RawPath => RawUrl.Split('?')[0];

    public string DecodedPath => Uri.UnescapeDataString(RawPath);

    public string RawQuery => RawUrl.Contains('?') ? RawUrl[(RawUrl.IndexOf('?') + 1)..] : "";

    public string? Query(string name) => HttpUtility.ParseQueryString(RawQuery)[name];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
