using static Conferences.Core.Tests.Validation.SchemaAssert;

namespace Conferences.Core.Tests.Validation;

public sealed class ValidatorBehaviourTests
{
    [Fact]
    public void Input_is_not_mutated()
    {
        var input = Obj("""{"max_participants":"10","member":{"pins":["1"]},"name":""}""");
        var before = input.ToJsonString();

        var result = Validator.Validate("conferences", input);

        Assert.Equal(before, input.ToJsonString());
        Assert.NotSame(input, result.Document);
        JsonEqual("10", result.Document["max_participants"]);
    }

    [Fact]
    public void Embedded_validator_is_loaded_once()
    {
        Assert.Same(KazooSchemaValidator.LoadEmbedded(), KazooSchemaValidator.LoadEmbedded());
    }

    [Fact]
    public void All_six_schemas_are_embedded()
    {
        Assert.Equal(
            ["conferences", "conferences.dial", "conferences.profile", "conferences_webhooks", "metaflows.relate", "user_auth"],
            Validator.SchemaNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unknown_schema_name_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Validator.Validate("devices", new JsonObject()));
    }

    [Fact]
    public void Dots_inside_a_key_are_escaped_in_the_error_path()
    {
        var path = DataPath.Root.Append("profile").Append("a.b").Append(0);

        Assert.Equal("profile.a%2Eb.0", path.ToKazooKey());
    }

    [Fact]
    public void Validator_can_be_used_from_many_threads()
    {
        var results = Enumerable.Range(0, 64).AsParallel().Select(i =>
            Validate("conferences", $$"""{"max_participants":"{{i}}","name":"{{(i % 2 == 0 ? "" : "ok")}}"}""")).ToList();

        for (var i = 0; i < results.Count; i++)
        {
            Assert.Equal(i % 2 != 0, results[i].IsValid);
            JsonEqual(i.ToString(System.Globalization.CultureInfo.InvariantCulture), results[i].Document["max_participants"]);
        }
    }
}
