namespace Conferences.Core.Tests.Crossbar;

/// <summary>PATCH merge as crossbar_doc_tests.erl pins it (<c>applications/crossbar/test/</c>).</summary>
public sealed class JsonMergeTests
{
    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Request_value_overrides_and_untouched_keys_stay()
    {
        var merged = JsonMerge.Patch(Obj("""{"a":1,"b":2}"""), Obj("""{"a":3}"""));
        Assert.True(JsonNode.DeepEquals(Obj("""{"a":3,"b":2}"""), merged));
    }

    [Fact]
    public void Nested_objects_merge_recursively()
    {
        var merged = JsonMerge.Patch(Obj("""{"sip":{"username":"u","password":"p"}}"""), Obj("""{"sip":{"username":"v"}}"""));
        Assert.True(JsonNode.DeepEquals(Obj("""{"sip":{"username":"v","password":"p"}}"""), merged));
    }

    [Fact]
    public void Null_removes_the_key()
    {
        var merged = JsonMerge.Patch(Obj("""{"a":1,"m":{"x":1,"y":2}}"""), Obj("""{"a":null,"m":{"y":null}}"""));
        Assert.True(JsonNode.DeepEquals(Obj("""{"m":{"x":1}}"""), merged));
    }

    [Fact]
    public void Empty_object_replaces_the_stored_object()
    {
        var merged = JsonMerge.Patch(Obj("""{"member":{"pins":["1"]}}"""), Obj("""{"member":{}}"""));
        Assert.True(JsonNode.DeepEquals(Obj("""{"member":{}}"""), merged));
    }

    [Fact]
    public void Arrays_are_replaced_wholesale()
    {
        var merged = JsonMerge.Patch(Obj("""{"n":["1","2"]}"""), Obj("""{"n":["3"]}"""));
        Assert.True(JsonNode.DeepEquals(Obj("""{"n":["3"]}"""), merged));
    }

    [Fact]
    public void New_keys_are_added_and_inputs_are_not_mutated()
    {
        var stored = Obj("""{"a":{"b":1}}""");
        var patch = Obj("""{"a":{"c":2},"d":true}""");
        var merged = JsonMerge.Patch(stored, patch);
        Assert.True(JsonNode.DeepEquals(Obj("""{"a":{"b":1,"c":2},"d":true}"""), merged));
        Assert.True(JsonNode.DeepEquals(Obj("""{"a":{"b":1}}"""), stored));
        Assert.True(JsonNode.DeepEquals(Obj("""{"a":{"c":2},"d":true}"""), patch));
    }

    [Fact]
    public void Object_replaces_a_scalar_and_scalar_replaces_an_object()
    {
        var merged = JsonMerge.Patch(Obj("""{"a":1,"b":{"x":1}}"""), Obj("""{"a":{"y":2},"b":"s"}"""));
        Assert.True(JsonNode.DeepEquals(Obj("""{"a":{"y":2},"b":"s"}"""), merged));
    }
}
