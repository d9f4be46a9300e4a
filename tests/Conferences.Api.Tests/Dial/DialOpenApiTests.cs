namespace Conferences.Api.Tests.Dial;

/// <summary>
/// The OpenAPI document describes each write with its own envelope: the conference action PUT (action + data, every
/// action named) with the dial answer, the participants PUTs with participant actions, create with a document.
/// </summary>
public sealed class DialOpenApiTests(DialApiFactory api) : IClassFixture<DialApiFactory>
{
    private const string Conference = "/v2/accounts/{account_id}/conferences/{conference_id}";

    [Fact]
    public async Task The_conference_action_put_is_documented()
    {
        var document = await SwaggerAsync();

        var put = document["paths"]![Conference]!["put"]!;
        Assert.NotNull(Body(put)["schema"]!["properties"]!["action"]);
        Assert.Equal("dial", (string?)Body(put)["examples"]!["dial"]!["value"]!["action"]);
        Assert.NotNull(put["responses"]!["201"]);
        Assert.NotNull(document["components"]!["schemas"]!["DialResult"]);
    }

    [Fact]
    public async Task The_conference_action_put_names_every_action()
    {
        var put = (await SwaggerAsync())["paths"]![Conference]!["put"]!;

        var action = (string)Body(put)["schema"]!["properties"]!["action"]!["description"]!;
        Assert.All(new[] { "dial", "lock", "unlock", "play", "record" }, name => Assert.Contains($"`{name}`", action, StringComparison.Ordinal));
        var examples = Body(put)["examples"]!.AsObject();
        Assert.Equal(["dial", "lock", "play", "record"], examples.Select(e => e.Key));
        Assert.All(examples, e => Assert.Equal(e.Key, (string?)e.Value!["value"]!["action"]));
        Assert.Equal("start", (string?)examples["record"]!["value"]!["data"]!["action"]);
    }

    [Fact]
    public async Task The_bulk_participants_put_shows_a_participant_action_and_relate()
    {
        var put = (await SwaggerAsync())["paths"]![$"{Conference}/participants"]!["put"]!;

        var examples = Body(put)["examples"]!;
        AssertJson("""{"data":{"action":"mute"}}""", examples["mute"]!["value"]);
        AssertJson("""{"action":"relate","data":{"participant_id":7,"other_participant":8,"relationship":"mute"}}""", examples["relate"]!["value"]);
        Assert.Null(examples["dial"]);
        Assert.Contains("`relate`", (string)Body(put)["schema"]!["properties"]!["action"]!["description"]!, StringComparison.Ordinal);
        Assert.Contains("relationship", (string)Body(put)["schema"]!["properties"]!["data"]!["description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_single_participant_put_shows_a_participant_action()
    {
        var put = (await SwaggerAsync())["paths"]![$"{Conference}/participants/{{participant_id}}"]!["put"]!;

        var examples = Body(put)["examples"]!.AsObject();
        AssertJson("""{"data":{"action":"mute"}}""", examples["mute"]!["value"]);
        Assert.DoesNotContain(examples, e => e.Value!.ToJsonString().Contains("dial", StringComparison.Ordinal));
        var action = (string)Body(put)["schema"]!["properties"]!["action"]!["description"]!;
        Assert.Contains("`kick`", action, StringComparison.Ordinal);
        Assert.DoesNotContain("relate", action, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_conference_shows_a_conference_document()
    {
        var put = (await SwaggerAsync())["paths"]!["/v2/accounts/{account_id}/conferences"]!["put"]!;

        Assert.Equal("Sales", (string?)Body(put)["examples"]!["conference"]!["value"]!["data"]!["name"]);
        Assert.Null(Body(put)["schema"]!["properties"]!["action"]);
        Assert.True((bool)put["requestBody"]!["required"]!);
    }

    private async Task<JsonNode> SwaggerAsync()
    {
        var answer = await api.SendAsync(HttpMethod.Get, "/swagger/v2/swagger.json");
        answer.ExpectStatus(HttpStatusCode.OK);
        return answer.Json!;
    }

    private static JsonNode Body(JsonNode operation) => operation["requestBody"]!["content"]!["application/json"]!;

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), actual?.ToJsonString());
}
