namespace Conferences.Core.Tests.Dial;

/// <summary>The action dispatch of PUT <c>/conferences/{id}</c> and the conference dial works on (<c>cb_conferences:handle_conference_action/3</c>, <c>build_conference/2</c>).</summary>
public sealed class ConferenceActionsTests
{
    private readonly DialHarness harness = new();

    [Fact]
    public void The_envelope_action_wins_over_data_action()
    {
        var context = DialHarness.Context(new JsonObject { ["action"] = "lock" }, new JsonObject { ["action"] = "dial" });

        Assert.Equal("dial", ActionRequestReader.ConferenceAction(context));
    }

    [Fact]
    public void Data_action_is_read_when_the_envelope_has_none()
    {
        Assert.Equal("dial", ActionRequestReader.ConferenceAction(DialHarness.Context(new JsonObject { ["action"] = "dial" })));
        Assert.Equal("dial", ActionRequestReader.ConferenceAction(DialHarness.Context(new JsonObject { ["action"] = "dial" }, new JsonObject { ["action"] = null })));
    }

    [Fact]
    public void An_action_that_is_not_a_string_names_no_action()
    {
        Assert.Null(ActionRequestReader.ConferenceAction(DialHarness.Context(new JsonObject { ["action"] = "dial" }, new JsonObject { ["action"] = 5 })));
        Assert.Null(ActionRequestReader.ConferenceAction(DialHarness.Context(new JsonArray())));
    }

    [Theory]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"action":"explode","data":{}}""")]
    [InlineData("""{"action":"DIAL","data":{"endpoints":["1000"]}}""")]
    [InlineData("""{"data":{"action":["dial"]}}""")]
    public async Task A_missing_or_unknown_action_is_a_faulty_request(string envelope)
    {
        var parsed = JsonNode.Parse(envelope)!.AsObject();
        var data = parsed["data"]!.DeepClone();
        parsed.Remove("data");

        var error = await Assert.ThrowsAsync<CrossbarException>(() =>
            harness.Actions.HandleConferenceActionAsync(DialHarness.Context(data, parsed), DialHarness.ConferenceId, default));

        Assert.Equal(404, error.Status);
        Assert.Equal("faulty_request", error.ErrorName);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"message":"faulty request"}"""), error.ErrorData));
    }

    [Fact]
    public async Task Dial_on_a_stored_conference_uses_its_name_and_answers_its_revision()
    {
        var revision = harness.Store.PutInAccount(DialHarness.AccountId, new JsonObject
        {
            ["_id"] = DialHarness.ConferenceId,
            ["name"] = "Stored name",
            ["pvt_type"] = "conference",
        });

        var result = await harness.Actions.HandleConferenceActionAsync(
            DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray("1000"), ["name"] = "Request name" }, new JsonObject { ["action"] = "dial" }),
            DialHarness.ConferenceId, default);

        Assert.Equal(revision, result.Revision);
        Assert.Equal("Stored name", (string?)Assert.Single(harness.Requester.Calls).Request.Message["Caller-ID-Name"]);
    }

    [Fact]
    public async Task Dial_on_an_unknown_id_synthesises_an_ad_hoc_conference_named_by_the_request()
    {
        var result = await harness.Actions.HandleConferenceActionAsync(
            DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray("1000"), ["name"] = "Pop-up" }, new JsonObject { ["action"] = "dial" }),
            "pop-up-room", default);

        Assert.Null(result.Revision);
        var message = Assert.Single(harness.Requester.Calls).Request.Message;
        Assert.Equal("pop-up-room", (string?)message["Conference-ID"]);
        Assert.Equal("Pop-up", (string?)message["Caller-ID-Name"]);
        AssertJsonEqual("""{"status":"error","message":"timed out trying to dial endpoints"}""", result.Data);
    }

    [Fact]
    public async Task A_deleted_conference_is_dialled_as_an_ad_hoc_one()
    {
        harness.Store.PutInAccount(DialHarness.AccountId, new JsonObject
        {
            ["_id"] = DialHarness.ConferenceId,
            ["name"] = "Gone",
            ["pvt_type"] = "conference",
            ["pvt_deleted"] = true,
        });

        var conference = await harness.Lookup.LoadOrAdHocAsync(DialHarness.AccountId, DialHarness.ConferenceId, new JsonObject(), default);

        Assert.False(conference.IsStored);
        Assert.Null(KazooJson.GetString(conference.Document, "name"));
        Assert.Equal(DialHarness.ConferenceId, KazooJson.GetString(conference.Document, "_id"));
        Assert.Equal("conference", KazooJson.GetString(conference.Document, "pvt_type"));
        Assert.NotNull(conference.Document["member"]);
    }

    [Fact]
    public async Task The_ad_hoc_conference_of_a_dial_is_the_one_every_route_synthesises()
    {
        var data = new JsonObject
        {
            ["endpoints"] = new JsonArray("1000"),
            ["name"] = "Pop-up",
            ["member"] = new JsonObject { ["pins"] = new JsonArray("4321") },
            ["_id"] = "not-this-id",
            ["pvt_type"] = "user",
        };

        var conference = await harness.Lookup.LoadOrAdHocAsync(DialHarness.AccountId, "pop-up-room", DialHarness.Context(data).DataObject, default);

        // the request's public data is deep-merged over the defaults; it cannot rename or retype the document
        Assert.Equal("pop-up-room", KazooJson.GetString(conference.Document, "_id"));
        Assert.Equal("conference", KazooJson.GetString(conference.Document, "pvt_type"));
        Assert.Equal("Pop-up", KazooJson.GetString(conference.Document, "name"));
        AssertJsonEqual("""["4321"]""", conference.Document["member"]!["pins"]!);
        Assert.NotNull(conference.Document["member"]!["join_muted"]);
        var expected = AdHocConference.Build(KazooSchemaValidator.LoadEmbedded(), "pop-up-room", data);
        Assert.True(JsonNode.DeepEquals(expected, conference.Document), conference.Document.ToJsonString());
    }

    private static void AssertJsonEqual(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), actual.ToJsonString());
}
