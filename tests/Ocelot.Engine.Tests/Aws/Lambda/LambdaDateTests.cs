using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda;

public sealed class LambdaDateTests
{
    [Theory]
    [InlineData("2018-11-27T15:10:45.123+0000", "2018-11-27T15:10:45.1230000+00:00")]
    [InlineData("2024-01-02T03:04:05.000-0530", "2024-01-02T03:04:05.0000000-05:30")]
    [InlineData("2024-01-02T03:04:05.5+01:00", "2024-01-02T03:04:05.5000000+01:00")]
    [InlineData("2024-01-02T03:04:05Z", "2024-01-02T03:04:05.0000000+00:00")]
    public void Parses_the_formats_lambda_and_emulators_write(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LambdaResponseReader.ParseLambdaDate(text));
        Assert.Equal(expected, LambdaResponseReader.ParseLambdaDate(text).ToString("o"));
    }
}
