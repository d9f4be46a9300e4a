namespace Conferences.Core.Tests.Realtime;

/// <summary>Channel vars kept compact are normalised the Kazoo way (<c>kz_json:normalize/1</c>).</summary>
public sealed class CompactJsonTests
{
    [Fact]
    public void Keys_are_normalised_recursively_and_nulls_dropped()
    {
        var compact = CompactJson.From(JsonNode.Parse("""{"Account-ID":"a","Nested-Vars":{"Is-Moderator":true,"Gone":null},"List":[{"Some-Key":1},null]}"""));

        AssertJson("""{"account_id":"a","nested_vars":{"is_moderator":true},"list":[{"some_key":1},null]}""", compact!.ToJsonObject());
    }

    [Fact]
    public void Of_two_keys_that_normalise_alike_the_first_is_kept()
    {
        var compact = CompactJson.From(JsonNode.Parse("""{"Account-ID":"first","account_id":"second","Inner":{"A-B":1,"a_b":2}}"""));

        AssertJson("""{"account_id":"first","inner":{"a_b":1}}""", compact!.ToJsonObject());
    }

    [Fact]
    public void Only_an_object_is_kept()
    {
        Assert.Null(CompactJson.From(JsonValue.Create("x")));
        Assert.Same(CompactJson.Empty, CompactJson.From(new JsonObject()));
    }

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), actual.ToJsonString());
}
