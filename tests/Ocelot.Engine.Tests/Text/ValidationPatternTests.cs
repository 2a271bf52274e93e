using Ocelot.Engine.Aws;
using Ocelot.Engine.Distributions;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Go;
using Ocelot.Engine.Inventory;
using Ocelot.Engine.Layers;
using Ocelot.Engine.Publishing;
using Ocelot.Engine.Upstream;

namespace Ocelot.Engine.Tests.Text;

/// <summary>
/// Family 7 of issue 8: each pattern accepts exactly what it states. A trailing newline never slips through (no
/// <c>$</c>), and digits are ASCII digits (.NET's <c>\d</c> also matches Arabic-Indic, Devanagari, ... digits).
/// </summary>
public sealed class ValidationPatternTests
{
    private const string ArabicIndicAccount = "١٢٣٤٥٦٧٨٩٠١٢";

    [Theory]
    [InlineData("123456789012", true)]
    [InlineData("123456789012\n", false)]
    [InlineData(ArabicIndicAccount, false)]
    [InlineData("12345678901２", false)]
    [InlineData("arn:aws:iam::123456789012:root", true)]
    [InlineData("arn:aws:iam::123456789012:root\n", false)]
    [InlineData("arn:aws:iam::" + ArabicIndicAccount + ":root", false)]
    public void Account_ids_are_exactly_twelve_ASCII_digits(string principal, bool valid)
    {
        if (valid) Assert.Single(LayerSharing.Requested(false, [principal], null));
        else Assert.Equal(ErrorIds.SharingInvalid, Assert.Throws<OcelotException>(() => LayerSharing.Requested(false, [principal], null)).ErrorId);
    }

    [Theory]
    [InlineData("o-a1b2c3d4e5", true)]
    [InlineData("o-a1b2c3d4e5\n", false)]
    public void Organization_ids_admit_no_trailing_newline(string organization, bool valid)
    {
        if (valid) Assert.NotEmpty(LayerSharing.Requested(false, [], organization));
        else Assert.Throws<OcelotException>(() => LayerSharing.Requested(false, [], organization));
    }

    [Fact]
    public void Regions_are_known_names_only_and_come_back_without_surrounding_space()
    {
        Assert.Equal("us-east-1", AwsRegion.Validate(" us-east-1\n"));
        Assert.Throws<OcelotException>(() => AwsRegion.Validate("us-east-١"));
        Assert.Throws<OcelotException>(() => AwsRegion.Validate("us-east-1\nus-west-2"));
    }

    [Theory]
    [InlineData("lambdacomponents.custom", true)]
    [InlineData("lambdacomponents.custom\n", false)]
    [InlineData("lambdacomponents.exporter.x١", false)]
    public void Build_tags_admit_no_trailing_newline(string tag, bool valid) => Assert.Equal(valid, DistributionCatalog.IsValidBuildTag(tag));

    [Theory]
    [InlineData("abc1234", true)]
    [InlineData("abc1234\n", false)]
    [InlineData("abc١٢٣4", false)]
    public void Commit_ids_are_hex_without_a_trailing_newline(string id, bool looksLikeCommit) => Assert.Equal(looksLikeCommit, UpstreamRef.LooksLikeCommit(id));

    [Fact]
    public void Layer_names_that_end_in_a_newline_are_not_parsed() =>
        Assert.Null(LayerName.TryParse("ocel-amd64-minimal-0_158_0-prod\n"));

    [Theory]
    [InlineData("go1.19.8", 19, 8)]
    [InlineData("1.26.1", 26, 1)]
    public void Go_versions_parse(string text, int minor, int patch)
    {
        var version = GoVersion.TryParse(text)!;
        Assert.Equal((1, minor, patch), (version.Major, version.Minor, version.Patch));
    }

    [Theory]
    [InlineData("go99999999999.1")]
    [InlineData("go1.99999999999")]
    [InlineData("go1.2.99999999999")]
    [InlineData("go١.19")]
    public void A_go_version_that_is_not_one_is_null_not_a_crash(string text) => Assert.Null(GoVersion.TryParse(text));

    [Fact]
    public void The_go_directive_is_read_from_CRLF_files_and_a_hostile_number_is_no_crash()
    {
        Assert.Equal(21, GoModFile.GoDirective("module x\r\n\r\ngo 1.21\r\n")!.Minor);
        Assert.Null(GoModFile.GoDirective("module x\n\ngo 1.99999999999\n"));
    }
}
