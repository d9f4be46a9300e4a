using System.Text.Json;
using static Conferences.Core.Tests.Actions.ActionHarness;

namespace Conferences.Core.Tests.Actions;

/// <summary>PUT <c>…/participants</c> (<c>cb_conferences:handle_participants_action/3</c>; docs/compatibility.md D2, D7).</summary>
public sealed class ParticipantActionsTests() : RoomTests(BusyRoom, BusyRoomMembers)
{
    [Theory]
    [InlineData("mute", "mute_participant", new[] { "1", "5" })]
    [InlineData("unmute", "unmute_participant", new[] { "2" })]
    [InlineData("deaf", "deaf_participant", new[] { "1" })]
    [InlineData("undeaf", "undeaf_participant", new[] { "2", "5" })]
    [InlineData("kick", "kick", new[] { "1", "2", "3", "4", "5" })]
    public async Task Bulk_actions_select_as_kazoo_does_and_send_string_ids(string action, string application, string[] ids)
    {
        var result = await Harness.Participants.HandleParticipantsActionAsync(Context($$"""{"data":{"action":"{{action}}"} }"""), Room, default);

        var sent = Harness.Bus.Published.ToList();
        Assert.All(sent, p => Assert.Equal($"conference.command.{Room}", p.RoutingKey));
        Assert.All(sent, p => Assert.Equal(application, (string?)p.Message["Application-Name"]));
        Assert.All(sent, p => Assert.Equal(JsonValueKind.String, p.Message["Participant-ID"]!.GetValueKind()));
        Assert.Equal(ids, sent.Select(p => (string)p.Message["Participant-ID"]!).Order(StringComparer.Ordinal));
        // the answer is the (here ad-hoc) conference document, not a message
        Assert.Equal(Room, (string?)result.Data["id"]);
        Assert.Null(result.Revision);
    }

    [Fact]
    public async Task Bulk_action_on_a_stored_conference_that_is_not_running_sends_nothing_and_answers_the_document()
    {
        var result = await Harness.Participants.HandleParticipantsActionAsync(Context("""{"data":{"action":"mute"}}"""), StoredId, default);

        Assert.Empty(Harness.Bus.Published);
        AssertJson("""{"name":"Stored room","id":"stored-room"}""", result.Data);
        Assert.Equal(Harness.StoredRevision, result.Revision);
    }

    [Fact]
    public async Task The_ad_hoc_document_carries_the_schema_defaults()
    {
        var result = await Harness.Participants.HandleParticipantsActionAsync(Context("""{"data":{"action":"deaf"}}"""), Room, default);

        Assert.IsType<JsonArray>(result.Data["conference_numbers"]);
        Assert.IsType<JsonArray>(result.Data["member"]?["numbers"]);
    }

    [Theory]
    [InlineData("""{"data":{"action":"mute"}}""", null)]
    [InlineData("""{"data":{}}""", "mute")]
    [InlineData("""{"action":"mute","data":{}}""", null)]
    [InlineData("""{"action":"kick","data":{"action":"mute"}}""", null)]
    public async Task The_action_is_looked_up_in_data_then_query_then_envelope(string envelope, string? queryAction)
    {
        var query = queryAction is null ? null : new Dictionary<string, string> { ["action"] = queryAction };

        await Harness.Participants.HandleParticipantsActionAsync(Context(envelope, query), Room, default);

        Assert.All(Harness.Bus.Messages, m => Assert.Equal("mute_participant", (string?)m["Application-Name"]));
        Assert.Equal(2, Harness.Bus.Published.Count);
    }

    [Theory]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"data":{"action":"explode"}}""")]
    [InlineData("""{"data":{"action":"lock"}}""")]
    [InlineData("""{"data":{"action":5}}""")]
    public async Task A_missing_or_unknown_bulk_action_is_a_faulty_request(string envelope)
    {
        var error = await FailsAsync(() => Harness.Participants.HandleParticipantsActionAsync(Context(envelope), "nowhere", default));

        Assert.Equal(404, error.Status);
        Assert.Equal("faulty_request", error.ErrorName);
    }

    [Fact]
    public async Task Bulk_actions_on_an_id_neither_stored_nor_running_are_404()
    {
        var error = await FailsAsync(() => Harness.Participants.HandleParticipantsActionAsync(Context("""{"data":{"action":"kick"}}"""), "nowhere", default));

        Assert.Equal(404, error.Status);
        Assert.Equal("bad_identifier", error.ErrorName);
    }

    [Fact]
    public async Task Bulk_play_plays_to_the_whole_conference()
    {
        var result = await Harness.Participants.HandleParticipantsActionAsync(Context("""{"data":{"action":"play","data":{"media_id":"hold"}}}"""), Room, default);

        AssertJson("\"ok\"", result.Data);
        var message = Assert.Single(Harness.Bus.Messages);
        Assert.Equal("play", (string?)message["Application-Name"]);
        Assert.Equal($"/{AccountId}/hold", (string?)message["Media-Name"]);
        Assert.Null(message["Participant-ID"]);
    }

    [Theory]
    [InlineData("""{"participant_id":1,"other_participant":2}""", 1, 2, "clear")]
    [InlineData("""{"participant_id":"1","other_participant":"5","relationship":"mute"}""", 1, 5, "mute")]
    [InlineData("""{"participant_id":5,"other_participant":3,"relationship":"deaf"}""", 5, 3, "deaf")]
    public async Task Relate_sends_relate_participants_with_integer_ids(string data, long participant, long other, string relationship)
    {
        var result = await Harness.Participants.HandleParticipantsActionAsync(Context($$"""{"action":"relate","data":{{data}}}"""), Room, default);

        AssertJson("\"relating participants\"", result.Data);
        var message = Assert.Single(Harness.Bus.Messages);
        Assert.Equal("relate_participants", (string?)message["Application-Name"]);
        Assert.Equal(JsonValueKind.Number, message["Participant-ID"]!.GetValueKind());
        Assert.Equal(participant, (long)message["Participant-ID"]!);
        Assert.Equal(other, (long)message["Other-Participant"]!);
        Assert.Equal(relationship, (string?)message["Relationship"]);
    }

    [Fact]
    public async Task Relate_data_may_be_nested_in_data_data()
    {
        await Harness.Participants.HandleParticipantsActionAsync(
            Context("""{"data":{"action":"relate","data":{"participant_id":2,"other_participant":4}}}"""), Room, default);

        Assert.Equal(2L, (long)Assert.Single(Harness.Bus.Messages)["Participant-ID"]!);
    }

    [Theory]
    [InlineData("""{"other_participant":2}""", """{"participant_id":{"required":{"message":"Field is required but missing"}}}""")]
    [InlineData("""{"participant_id":1,"other_participant":2,"relationship":"hug"}""", """{"relationship":{"enum":{"message":"Value not found in enumerated list of values","target":["deaf","clear","mute"],"value":"hug"}}}""")]
    public async Task Relate_data_is_validated_against_metaflows_relate(string data, string errors)
    {
        var error = await FailsAsync(() => Harness.Participants.HandleParticipantsActionAsync(Context($$"""{"action":"relate","data":{{data}}}"""), Room, default));

        Assert.Equal(400, error.Status);
        Assert.Equal("validation error", error.ErrorName);
        var expected = JsonNode.Parse(errors)!.AsObject();
        foreach (var (key, value) in expected)
        {
            Assert.True(error.ErrorData?[key] is not null, $"no {key} in {error.ErrorData?.ToJsonString()}");
            Assert.Equal(value!.AsObject().Single().Key, error.ErrorData![key]!.AsObject().Single().Key);
        }
        Assert.Empty(Harness.Bus.Published);
    }

    [Theory]
    [InlineData("""{"participant_id":8,"other_participant":9}""", "9")]
    [InlineData("""{"participant_id":1,"other_participant":9}""", "9")]
    [InlineData("""{"participant_id":8,"other_participant":1}""", "8")]
    [InlineData("""{"participant_id":1,"other_participant":1}""", "1")]
    [InlineData("""{"participant_id":"abc","other_participant":1}""", "\"abc\"")]
    public async Task Relate_needs_both_participants_in_the_conference(string data, string shownId)
    {
        var error = await FailsAsync(() => Harness.Participants.HandleParticipantsActionAsync(Context($$"""{"action":"relate","data":{{data}}}"""), Room, default));

        Assert.Equal(404, error.Status);
        Assert.Equal("bad_identifier", error.ErrorName);
        AssertJson($$"""{"id":{{shownId}},"message":"bad identifier"}""", error.ErrorData);
        Assert.Empty(Harness.Bus.Published);
    }
}
