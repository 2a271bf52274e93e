using Ocelot.Engine.Text;
using Xunit;

namespace Ocelot.Engine.Tests.Text;

public class ClosestMatchTests
{
    private static readonly string[] Names = ["default", "full", "minimal", "minimal-clickhouse", "minimal-s3export", "minimal-forwarder"];

    [Theory]
    [InlineData("minimall", "minimal")]
    [InlineData("minmial", "minimal")]
    [InlineData("defualt", "default")]
    [InlineData("minimal-clickhose", "minimal-clickhouse")]
    public void Typos_suggest_the_intended_name_first(string typo, string expected) =>
        Assert.Equal(expected, ClosestMatch.Find(typo, Names)[0]);

    [Fact]
    public void Unrelated_words_suggest_nothing() => Assert.Equal(string.Empty, ClosestMatch.Hint("zzzzzz", Names));

    [Fact]
    public void Hints_quote_and_join_the_candidates() =>
        Assert.Equal(" Did you mean 'minimal' or 'minimal-clickhouse'?", ClosestMatch.Hint("minimal-", ["minimal", "minimal-clickhouse"]));
}
