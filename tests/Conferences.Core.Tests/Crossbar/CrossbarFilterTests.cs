namespace Conferences.Core.Tests.Crossbar;

/// <summary>The cases of crossbar_filter_tests.hrl (<c>applications/crossbar/test/</c>).</summary>
public sealed class CrossbarFilterTests
{
    private static readonly JsonObject Doc = JsonNode.Parse("""
        {"foo":"bar","count":10,"flag":true,"level1":{"level2":{"level3":"deep"}},"empty":"","list":[],
         "pvt_created":63880000000,"pvt_modified":63880000500}
        """)!.AsObject();

    private static bool Matches(params (string Key, string Value)[] query) =>
        CrossbarFilter.FromQuery(query.ToDictionary(q => q.Key, q => q.Value))!.Matches(Doc);

    [Fact]
    public void No_filter_parameters_means_no_filter() =>
        Assert.Null(CrossbarFilter.FromQuery(new Dictionary<string, string> { ["page_size"] = "1", ["_"] = "123" }));

    [Theory]
    [InlineData("filter_foo", "bar", true)]
    [InlineData("filter_foo", "baz", false)]
    [InlineData("filter_count", "10", true)]
    [InlineData("filter_flag", "true", true)]
    [InlineData("filter_level1.level2.level3", "deep", true)]
    [InlineData("filter_level1.level2.level3", "shallow", false)]
    [InlineData("filter_missing", "x", false)]
    [InlineData("filter_not_foo", "bar", false)]
    [InlineData("filter_not_foo", "baz", true)]
    [InlineData("filter_foo", "[\"baz\",\"bar\"]", true)]
    [InlineData("filter_foo", "[\"baz\"]", false)]
    public void Value_filters(string key, string value, bool expected) => Assert.Equal(expected, Matches((key, value)));

    [Theory]
    [InlineData("has_key", "foo", true)]
    [InlineData("has_key", "level1.level2", true)]
    [InlineData("has_key", "level1.nope", false)]
    [InlineData("key_missing", "level1.nope", true)]
    [InlineData("key_missing", "foo", false)]
    [InlineData("has_value", "foo", true)]
    [InlineData("has_value", "empty", false)]
    [InlineData("has_value", "list", false)]
    [InlineData("value_missing", "empty", true)]
    [InlineData("value_missing", "nothing", true)]
    [InlineData("value_missing", "count", false)]
    public void Key_and_value_presence_filters(string key, string value, bool expected) => Assert.Equal(expected, Matches((key, value)));

    [Theory]
    [InlineData("created_from", "63880000000", true)]
    [InlineData("created_from", "63880000001", false)]
    [InlineData("created_to", "63880000000", true)]
    [InlineData("created_to", "63879999999", false)]
    [InlineData("modified_from", "63880000500", true)]
    [InlineData("modified_to", "63880000499", false)]
    [InlineData("created_from", "not-a-number", false)]
    public void Time_range_bounds_are_inclusive_and_bad_bounds_exclude(string key, string value, bool expected) =>
        Assert.Equal(expected, Matches((key, value)));

    [Fact]
    public void All_filters_must_match()
    {
        Assert.True(Matches(("filter_foo", "bar"), ("has_key", "count")));
        Assert.False(Matches(("filter_foo", "bar"), ("has_key", "nothing")));
    }
}
