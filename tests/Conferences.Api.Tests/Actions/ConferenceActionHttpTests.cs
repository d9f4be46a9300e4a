namespace Conferences.Api.Tests.Actions;

/// <summary>
/// lock, unlock, play and record through HTTP on the embedded default (<c>cb_conferences:handle_conference_action/3</c>; docs/compatibility.md D2, D4), the
/// resulting state read back through GET.
/// </summary>
public sealed class ConferenceActionHttpTests(DialApiFactory api) : IClassFixture<DialApiFactory>
{
    [Fact]
    public async Task Lock_and_unlock_show_in_is_locked()
    {
        var (account, id, _) = await api.NewAdHocConferenceAsync("lock", members: 1);

        var locked = await account.ConferenceActionAsync(id, "lock");

        locked.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("ok", (string?)locked.Data);
        Assert.Equal("success", (string?)locked.Json!["status"]);
        Assert.Null(locked.Json["revision"]);
        await LiveApi.GetUntilAsync(account, id, r => r["is_locked"]!.GetValue<bool>());

        var unlocked = await account.ConferenceActionAsync(id, "unlock");

        unlocked.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("ok", (string?)unlocked.Data);
        await LiveApi.GetUntilAsync(account, id, r => !r["is_locked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_stored_conference_that_is_not_running_accepts_actions_as_kazoo_does()
    {
        var account = await api.NewAccountAsync();
        var created = await account.CreateConferenceAsync(new JsonObject { ["name"] = "Idle" });
        var id = created.DataObject["id"]!.GetValue<string>();

        var answer = await account.ConferenceActionAsync(id, "lock");

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("ok", (string?)answer.Data);
        Assert.Equal((string?)created.Json!["revision"], (string?)answer.Json!["revision"]);
        Assert.Equal($"/v2/accounts/{account.Id}/conferences/{id}/{id}", answer.Header("Location"));
        var get = (await account.GetAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);
        Assert.False(get.DataObject["_read_only"]!["is_locked"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("lock", null)]
    [InlineData("unlock", null)]
    [InlineData("play", """{"media_id":"welcome"}""")]
    [InlineData("record", """{"action":"start"}""")]
    public async Task Actions_on_an_id_neither_stored_nor_running_are_404_bad_identifier(string action, string? data)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.ConferenceActionAsync("nowhere-room", action, data is null ? null : JsonNode.Parse(data)!.AsObject());

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"cause":"nowhere-room","message":"bad identifier"}"""), answer.Data), answer.Body);
        // nothing started an ad-hoc conference under that id
        (await account.GetAsync("conferences/nowhere-room")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
    }

    [Fact]
    public async Task Play_answers_ok_and_leaves_the_conference_as_it_was()
    {
        var (account, id, before) = await api.NewAdHocConferenceAsync("play", members: 2);

        var conference = await account.ConferenceActionAsync(id, "play", new JsonObject { ["media_id"] = "welcome" });
        var nested = await account.PutAsync($"conferences/{id}", new JsonObject { ["action"] = "play", ["data"] = new JsonObject { ["media_id"] = "http://media.example.com/a.mp3" } });

        conference.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("ok", (string?)conference.Data);
        nested.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("ok", (string?)nested.Data);
        var after = await account.ParticipantsAsync(id, p => p.Count == 2);
        Assert.Equal(before.Select(ActionRequests.Id).Order(), after.Select(ActionRequests.Id).Order());
    }

    [Fact]
    public async Task Record_start_answers_kazoos_message_and_the_media_name_in_metadata()
    {
        var (account, id, _) = await api.NewAdHocConferenceAsync("record", members: 1);

        var start = await account.ConferenceActionAsync(id, "record", new JsonObject { ["action"] = "start" });
        var stop = await account.ConferenceActionAsync(id, "record", new JsonObject { ["action"] = "stop" });

        start.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("starting recording", (string?)start.Data);
        var name = (string?)start.Json!["metadata"]!["media_name"];
        Assert.StartsWith($"conference_{id}_", name, StringComparison.Ordinal);
        Assert.EndsWith(".mp3", name, StringComparison.Ordinal);
        stop.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("stopping recording", (string?)stop.Data);
        Assert.Equal(name, (string?)stop.Json!["metadata"]!["media_name"]);
    }

    [Fact]
    public async Task Record_stop_without_a_known_recording_asks_for_its_media_name()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var unknown = await account.ConferenceActionAsync(id, "record", new JsonObject { ["action"] = "stop" });
        var named = await account.ConferenceActionAsync(id, "record", new JsonObject { ["action"] = "stop", ["media_name"] = "earlier.mp3" });

        Assert.NotNull(unknown.ExpectValidationError("data.media_name", "required")["message"]);
        named.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("earlier.mp3", (string?)named.Json!["metadata"]!["media_name"]);
    }

    [Theory]
    [InlineData("""{"action":"play","data":{}}""", "data.media_id", "required", "action 'play' requires a media ID or URL")]
    [InlineData("""{"action":"play","data":{"media_id":""}}""", "data.media_id", "required", "action 'play' requires a media ID or URL")]
    [InlineData("""{"action":"play","data":{"data":"welcome"}}""", "data", "type", "Value did not match type(s): object")]
    [InlineData("""{"action":"record","data":{}}""", "data.action", "required", "recording requires an action")]
    [InlineData("""{"action":"record","data":{"action":"pause"}}""", "data.action", "enum", "Value not found in enumerated list of values")]
    [InlineData("""{"data":{"action":"record"}}""", "data.action", "enum", "Value not found in enumerated list of values")]
    public async Task Bad_action_data_answers_kazoos_400(string body, string key, string rule, string message)
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var answer = await account.SendAsync(HttpMethod.Put, $"conferences/{id}", Body.Json(body));

        Assert.Equal(message, (string?)answer.ExpectValidationError(key, rule)["message"]);
    }

    [Fact]
    public async Task The_record_enum_error_names_its_target_and_value()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var answer = await account.ConferenceActionAsync(id, "record", new JsonObject { ["action"] = "pause" });

        var detail = answer.ExpectValidationError("data.action", "enum");
        Assert.True(JsonNode.DeepEquals(new JsonArray("start", "stop"), detail["target"]));
        Assert.Equal("pause", (string?)detail["value"]);
    }
}
