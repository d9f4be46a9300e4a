using static Conferences.Core.Tests.Actions.ActionHarness;

namespace Conferences.Core.Tests.Actions;

/// <summary>lock, unlock, play and record on PUT <c>/conferences/{id}</c> (<c>cb_conferences:handle_conference_action/3</c>; docs/compatibility.md D2, D4).</summary>
public sealed class ConferenceControlTests
{
    private readonly ActionHarness harness = new();

    private ConferenceActions Actions => new(harness.Lookup, new DialHarness().Service, harness.Control, harness.Applied);

    [Theory]
    [InlineData("lock")]
    [InlineData("unlock")]
    public async Task Lock_and_unlock_publish_their_command_and_answer_ok_with_the_revision(string action)
    {
        var result = await Actions.HandleConferenceActionAsync(Context($$"""{"action":"{{action}}","data":{} }"""), StoredId, default);

        AssertJson("\"ok\"", result.Data);
        Assert.Equal(harness.StoredRevision, result.Revision);
        var (exchange, key, message) = Assert.Single(harness.Bus.Published);
        Assert.Equal(KapiExchange.Conference, exchange);
        Assert.Equal($"conference.command.{StoredId}", key);
        Assert.Equal(action, (string?)message["Application-Name"]);
        Assert.Equal(StoredId, (string?)message["Conference-ID"]);
        Assert.Equal("conference", (string?)message["Event-Category"]);
        Assert.Equal("command", (string?)message["Event-Name"]);
        Assert.Equal("kapps_conference", (string?)message["App-Name"]);
        Assert.Equal("1.0.0", (string?)message["App-Version"]);
        Assert.Equal("crossbar@test", (string?)message["Node"]);
        Assert.Equal(16, ((string?)message["Msg-ID"])!.Length);
        Assert.Null(message["Server-ID"]);
    }

    [Fact]
    public async Task The_action_may_come_in_data()
    {
        await Actions.HandleConferenceActionAsync(Context("""{"data":{"action":"lock"}}"""), StoredId, default);

        Assert.Equal("lock", (string?)Assert.Single(harness.Bus.Messages)["Application-Name"]);
    }

    [Fact]
    public async Task The_envelope_action_wins_over_data()
    {
        await Actions.HandleConferenceActionAsync(Context("""{"action":"unlock","data":{"action":"lock"}}"""), StoredId, default);

        Assert.Equal("unlock", (string?)Assert.Single(harness.Bus.Messages)["Application-Name"]);
    }

    [Fact]
    public async Task A_running_ad_hoc_conference_takes_actions_without_a_revision()
    {
        harness.Run("pop-up");

        var result = await Actions.HandleConferenceActionAsync(Context("""{"action":"lock","data":{}}"""), "pop-up", default);

        Assert.Null(result.Revision);
        Assert.Equal("pop-up", (string?)Assert.Single(harness.Bus.Messages)["Conference-ID"]);
    }

    [Theory]
    [InlineData("lock")]
    [InlineData("unlock")]
    [InlineData("play")]
    [InlineData("record")]
    public async Task An_id_neither_stored_nor_running_is_404_bad_identifier(string action)
    {
        var error = await FailsAsync(() => Actions.HandleConferenceActionAsync(
            Context($$"""{"action":"{{action}}","data":{"media_id":"x","action":"start"} }"""), "nowhere", default));

        Assert.Equal(404, error.Status);
        Assert.Equal("bad_identifier", error.ErrorName);
        AssertJson("""{"cause":"nowhere","message":"bad identifier"}""", error.ErrorData);
        Assert.Empty(harness.Bus.Published);
    }

    [Fact]
    public async Task An_unknown_action_is_a_faulty_request_even_on_an_unknown_id()
    {
        var error = await FailsAsync(() => Actions.HandleConferenceActionAsync(Context("""{"action":"explode","data":{}}"""), "nowhere", default));

        Assert.Equal(404, error.Status);
        Assert.Equal("faulty_request", error.ErrorName);
    }

    [Theory]
    [InlineData("""{"action":"play","data":{"media_id":"welcome"}}""", "/4b31dd1d32ce6d249897c06332375d65/welcome")]
    [InlineData("""{"action":"play","data":{"data":{"media_id":"welcome"}}}""", "/4b31dd1d32ce6d249897c06332375d65/welcome")]
    [InlineData("""{"data":{"action":"play","data":{"media_id":"http://media.example.com/a.mp3"}}}""", "http://media.example.com/a.mp3")]
    [InlineData("""{"action":"play","data":{"media_id":"/system_media/en-us/conf-welcome"}}""", "/system_media/en-us/conf-welcome")]
    [InlineData("""{"action":"play","data":{"media_id":"system_media/conf-welcome"}}""", "system_media/conf-welcome")]
    [InlineData("""{"action":"play","data":{"media_id":"local_stream://default"}}""", "local_stream://default")]
    [InlineData("""{"action":"play","data":{"media_id":"silence_stream://1000"}}""", "silence_stream://1000")]
    [InlineData("""{"action":"play","data":{"media_id":42}}""", "/4b31dd1d32ce6d249897c06332375d65/42")]
    public async Task Play_turns_the_media_id_into_a_media_name(string envelope, string mediaName)
    {
        var result = await Actions.HandleConferenceActionAsync(Context(envelope), StoredId, default);

        AssertJson("\"ok\"", result.Data);
        var message = Assert.Single(harness.Bus.Messages);
        Assert.Equal("play", (string?)message["Application-Name"]);
        Assert.Equal(mediaName, (string?)message["Media-Name"]);
        Assert.Null(message["Participant-ID"]);
    }

    [Theory]
    [InlineData("""{"action":"play","data":{}}""", "data.media_id", "required", """{"message":"action 'play' requires a media ID or URL"}""")]
    [InlineData("""{"action":"play","data":{"media_id":""}}""", "data.media_id", "required", """{"message":"action 'play' requires a media ID or URL"}""")]
    [InlineData("""{"action":"play","data":{"media_id":{"id":"x"}}}""", "data.media_id", "required", """{"message":"action 'play' requires a media ID or URL"}""")]
    [InlineData("""{"action":"play","data":{"data":"welcome"}}""", "data", "type", """{"message":"Value did not match type(s): object","target":"object","value":"welcome"}""")]
    [InlineData("""{"action":"record","data":{}}""", "data.action", "required", """{"message":"recording requires an action"}""")]
    [InlineData("""{"action":"record","data":{"action":"pause"}}""", "data.action", "enum", """{"message":"Value not found in enumerated list of values","target":["start","stop"],"value":"pause"}""")]
    [InlineData("""{"data":{"action":"record"}}""", "data.action", "enum", """{"message":"Value not found in enumerated list of values","target":["start","stop"],"value":"record"}""")]
    [InlineData("""{"action":"record","data":{"action":"start","media_name":5}}""", "data.media_name", "type", """{"message":"Value did not match type(s): non-empty string","target":"string","value":5}""")]
    [InlineData("""{"action":"record","data":{"action":"start","media_name":"../../etc/passwd"}}""", "data.media_name", "pattern", """{"message":"Failed to match pattern '^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$'","target":"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$","value":"../../etc/passwd"}""")]
    [InlineData("""{"action":"record","data":{"action":"stop","media_name":".hidden.mp3"}}""", "data.media_name", "pattern", """{"message":"Failed to match pattern '^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$'","target":"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$","value":".hidden.mp3"}""")]
    public async Task Bad_action_data_is_a_400_with_kazoos_keys(string envelope, string key, string rule, string detail)
    {
        var error = await FailsAsync(() => Actions.HandleConferenceActionAsync(Context(envelope), StoredId, default));

        Assert.Equal(400, error.Status);
        Assert.Equal("validation error", error.ErrorName);
        AssertJson($$"""{"{{key}}":{"{{rule}}":{{detail}} } }""", error.ErrorData);
        Assert.Empty(harness.Bus.Published);
    }

    [Fact]
    public async Task Record_start_names_the_recording_and_stop_stops_that_one()
    {
        var start = await Actions.HandleConferenceActionAsync(Context("""{"action":"record","data":{"action":"start"}}"""), StoredId, default);
        var stop = await Actions.HandleConferenceActionAsync(Context("""{"action":"record","data":{"action":"stop"}}"""), StoredId, default);

        AssertJson("\"starting recording\"", start.Data);
        AssertJson("\"stopping recording\"", stop.Data);
        var name = (string?)start.Metadata!["media_name"];
        Assert.Matches("^conference_stored-room_[0-9]{14}_[0-9a-f]{8}\\.mp3$", name);
        Assert.Equal(name, (string?)stop.Metadata!["media_name"]);
        var messages = harness.Bus.Messages;
        Assert.Equal(["record", "recordstop"], messages.Select(m => (string?)m["Application-Name"]));
        Assert.All(messages, m => Assert.Equal(name, (string?)m["Media-Name"]));
        Assert.All(messages, m => Assert.True(KapiMessage.IsValid(KapiConference.FindCommand((string?)m["Application-Name"])!, m)));
    }

    [Fact]
    public async Task Record_takes_the_media_name_the_client_gives()
    {
        var start = await Actions.HandleConferenceActionAsync(Context("""{"action":"record","data":{"action":"start","media_name":"board.mp3"}}"""), StoredId, default);
        var stop = await Actions.HandleConferenceActionAsync(Context("""{"action":"record","data":{"action":"stop","media_name":"earlier.mp3"}}"""), StoredId, default);

        Assert.Equal("board.mp3", (string?)start.Metadata!["media_name"]);
        Assert.Equal("earlier.mp3", (string?)stop.Metadata!["media_name"]);
        Assert.Equal(["board.mp3", "earlier.mp3"], harness.Bus.Messages.Select(m => (string?)m["Media-Name"]));
    }

    [Fact]
    public async Task A_stop_without_a_name_when_none_is_known_is_a_400()
    {
        var error = await FailsAsync(() => Actions.HandleConferenceActionAsync(Context("""{"action":"record","data":{"action":"stop"}}"""), StoredId, default));

        Assert.Equal(400, error.Status);
        Assert.NotNull(error.ErrorData?["data.media_name"]?["required"]?["message"]);
        Assert.Empty(harness.Bus.Published);
    }

    [Fact]
    public async Task A_stopped_recording_is_forgotten()
    {
        await Actions.HandleConferenceActionAsync(Context("""{"action":"record","data":{"action":"start"}}"""), StoredId, default);
        await Actions.HandleConferenceActionAsync(Context("""{"action":"record","data":{"action":"stop"}}"""), StoredId, default);

        var error = await FailsAsync(() => Actions.HandleConferenceActionAsync(Context("""{"action":"record","data":{"action":"stop"}}"""), StoredId, default));

        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task A_bus_that_is_down_fails_the_action()
    {
        harness.Bus.Unavailable = true;

        await Assert.ThrowsAsync<BusUnavailableException>(() => Actions.HandleConferenceActionAsync(Context("""{"action":"lock","data":{}}"""), StoredId, default));
    }
}
