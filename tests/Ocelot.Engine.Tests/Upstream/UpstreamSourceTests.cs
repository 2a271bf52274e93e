using Ocelot.Engine.Failures;
using Ocelot.Engine.Upstream;

namespace Ocelot.Engine.Tests.Upstream;

public class UpstreamSourceTests
{
    [Fact]
    public void Owner_and_name_mean_GitHub_over_https()
    {
        var source = UpstreamSource.Parse("open-telemetry/opentelemetry-lambda", Path.GetTempPath());
        Assert.Equal("https://github.com/open-telemetry/opentelemetry-lambda.git", source.Url);
        Assert.False(source.IsLocal);
    }

    [Fact]
    public void A_token_in_the_URL_is_used_to_fetch_but_never_shown()
    {
        var source = UpstreamSource.Parse("https://builder:ghp_secret123@github.com/acme/opentelemetry-lambda.git", Path.GetTempPath());
        Assert.Equal("https://github.com/acme/opentelemetry-lambda.git", source.Url);
        Assert.Equal("https://***@github.com/acme/opentelemetry-lambda.git", source.DisplayName);
        Assert.Equal(("builder", "ghp_secret123"), (source.Credentials!.UserName, source.Credentials.Password));
        Assert.DoesNotContain("ghp_secret123", source.ToString());
    }

    [Theory]
    [InlineData("ssh://git:pa%40ss@example.com:2222/a/b.git", "ssh://example.com:2222/a/b.git", "git", "pa@ss")]
    [InlineData("git://u:p@w@example.com/a", "git://example.com/a", "u", "p@w")]
    [InlineData("http://only-user@example.com/a?x=@", "http://example.com/a?x=@", "only-user", "")]
    [InlineData("https://t%C3%B6ken@example.com", "https://example.com", "töken", "")]
    [InlineData("https://example.com/a@b", "https://example.com/a@b", null, null)]
    public void User_info_is_split_off_every_scheme_at_the_last_at_sign_of_the_authority(string url, string bare, string? user, string? password)
    {
        var (withoutUserInfo, credentials) = UpstreamSource.SplitUserInfo(url);
        Assert.Equal(bare, withoutUserInfo);
        Assert.Equal(user, credentials?.UserName);
        Assert.Equal(password, credentials?.Password);
    }

    [Theory]
    [InlineData("--upload-pack=evil")]
    [InlineData("not a repo")]
    [InlineData("https://github.com/a b")]
    public void Inputs_that_could_be_taken_as_options_or_are_not_repositories_are_refused(string repository) =>
        Assert.Equal(ErrorIds.UpstreamRepositoryInvalid, Assert.Throws<OcelotException>(() => UpstreamSource.Parse(repository, Path.GetTempPath())).ErrorId);

    [Theory]
    [InlineData("main")]
    [InlineData("layer-collector/0.16.0")]
    [InlineData("4b9e29cfb41eac537db35ba39526dacab7ed8fc3")]
    public void Branches_tags_and_commits_are_valid_refs(string gitRef) => Assert.Equal(gitRef, UpstreamRef.Validate(gitRef));

    [Theory]
    [InlineData("-main")]
    [InlineData("a..b")]
    [InlineData("main.lock")]
    [InlineData("feature/")]
    [InlineData("x@{1}")]
    [InlineData("has space")]
    public void Malformed_refs_are_refused(string gitRef) =>
        Assert.Equal(ErrorIds.UpstreamRefInvalid, Assert.Throws<OcelotException>(() => UpstreamRef.Validate(gitRef)).ErrorId);
}
