using Ocelot.Engine.Failures;
using Ocelot.Engine.Text;

namespace Ocelot.Engine.Tests.Text;

/// <summary>Lists that went through Export-Csv: joined items are split back; a type name in place of the items is refused.</summary>
public sealed class FlattenedListTests
{
    [Theory]
    [InlineData("System.String[]")]
    [InlineData("System.Object[]")]
    [InlineData(" System.Collections.ArrayList ")]
    [InlineData("System.Collections.Generic.List`1[System.String]")]
    [InlineData("Deserialized.System.String[]")]
    public void A_type_name_in_place_of_the_items_is_refused_naming_the_property(string flattened)
    {
        var error = Assert.Throws<OcelotException>(() => FlattenedList.Parse(["lambdacomponents.custom", flattened], "BuildTags"));
        Assert.Equal(ErrorIds.InputObjectInvalid, error.ErrorId);
        Assert.Contains("BuildTags", error.Message);
        Assert.Contains(flattened.Trim(), error.Message);
        Assert.True(FlattenedList.IsFlattened(flattened));
    }

    [Theory]
    [InlineData(new[] { "a.b", "c" }, new[] { "a.b", "c" })]
    [InlineData(new[] { "a.b,c" }, new[] { "a.b", "c" })]
    [InlineData(new[] { "a.b, c  d" }, new[] { "a.b", "c", "d" })]
    [InlineData(new[] { "", " , " }, new string[0])]
    [InlineData(new[] { "lambdacomponents.system.custom" }, new[] { "lambdacomponents.system.custom" })]
    public void Items_joined_with_commas_or_spaces_are_split_back(string[] values, string[] expected)
    {
        Assert.Equal(expected, FlattenedList.Parse(values, "BuildTags"));
    }
}
