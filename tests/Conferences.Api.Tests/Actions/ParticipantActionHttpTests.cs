using static Conferences.Api.Tests.Actions.ActionRequests;

namespace Conferences.Api.Tests.Actions;

/// <summary>
/// PUT <c>…/participants</c> through HTTP on the embedded default (docs/crossbar.md, "Participant actions";
/// docs/compatibility.md D2), every change read back through the participants GET.
/// </summary>
public sealed class ParticipantActionHttpTests(DialApiFactory api) : IClassFixture<DialApiFactory>
{
    [Fact]
    public async Task Bulk_mute_and_deaf_leave_moderators_alone_and_answer_the_conference_document()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["name"] = "Town hall" });
        await api.DialInAsync(account, id, members: 2, moderators: 1);

        var muted = await account.ParticipantsActionAsync(id, "mute");

        muted.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("Town hall", (string?)muted.DataObject["name"]);
        Assert.Equal(id, (string?)muted.DataObject["id"]);
        Assert.False(muted.DataObject.ContainsKey("_read_only"));
        Assert.NotNull(muted.Json!["revision"]);
        Assert.Equal($"/v2/accounts/{account.Id}/conferences/{id}/participants/{id}", muted.Header("Location"));
        var participants = await account.ParticipantsAsync(id, p => Members(p).All(m => !Flag(m, "speak")));
        Assert.All(Moderators(participants), m => Assert.True(Flag(m, "speak")));

        (await account.ParticipantsActionAsync(id, "deaf")).ExpectStatus(HttpStatusCode.Created);

        participants = await account.ParticipantsAsync(id, p => Members(p).All(m => !Flag(m, "hear")));
        Assert.All(Moderators(participants), m => Assert.True(Flag(m, "hear")));

        (await account.ParticipantsActionAsync(id, "unmute")).ExpectStatus(HttpStatusCode.Created);
        (await account.ParticipantsActionAsync(id, "undeaf")).ExpectStatus(HttpStatusCode.Created);

        await account.ParticipantsAsync(id, p => p.All(m => Flag(m, "speak") && Flag(m, "hear")));
    }

    [Fact]
    public async Task Bulk_kick_hangs_up_everyone_and_ends_the_ad_hoc_conference()
    {
        var (account, id, _) = await api.NewAdHocConferenceAsync("kick-all", members: 2, moderators: 1);

        var answer = await account.ParticipantsActionAsync(id, "kick");

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal(id, (string?)answer.DataObject["id"]);
        Assert.Null(answer.Json!["revision"]);
        await Realtime.Eventually.MatchAsync(() => account.GetAsync($"conferences/{id}"), a => a.Status == HttpStatusCode.NotFound, what: "the ad-hoc conference to end");
    }

    [Theory]
    [InlineData("query")]
    [InlineData("envelope")]
    public async Task The_bulk_action_may_come_from_the_query_or_the_envelope(string where)
    {
        var (account, id, _) = await api.NewAdHocConferenceAsync("lookup", members: 1);

        var answer = where == "query"
            ? await account.PutAsync($"conferences/{id}/participants?action=mute", new JsonObject())
            : await account.SendAsync(HttpMethod.Put, $"conferences/{id}/participants", Body.Data(new JsonObject(), new JsonObject { ["action"] = "mute" }));

        answer.ExpectStatus(HttpStatusCode.Created);
        await account.ParticipantsAsync(id, p => p.All(m => !Flag(m, "speak")));
    }

    [Fact]
    public async Task Bulk_actions_on_a_stored_conference_that_is_not_running_answer_its_document()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["name"] = "Idle" });

        var answer = await account.ParticipantsActionAsync(id, "kick");

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("Idle", (string?)answer.DataObject["name"]);
    }

    [Theory]
    [InlineData("mute")]
    [InlineData("relate")]
    [InlineData("play")]
    public async Task Participants_actions_on_an_id_neither_stored_nor_running_are_404(string action)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.ParticipantsActionAsync("nowhere-room", action,
            new JsonObject { ["participant_id"] = 1, ["other_participant"] = 2, ["media_id"] = "x" });

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        Assert.Equal("nowhere-room", (string?)answer.Data!["cause"]);
    }

    [Theory]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"data":{"action":"explode"}}""")]
    [InlineData("""{"data":{"action":"dial"}}""")]
    public async Task A_missing_or_unknown_participants_action_is_404_faulty_request(string body)
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var bulk = await account.SendAsync(HttpMethod.Put, $"conferences/{id}/participants", Body.Json(body));
        var single = await account.SendAsync(HttpMethod.Put, $"conferences/{id}/participants/1", Body.Json(body));

        bulk.ExpectError(HttpStatusCode.NotFound, "faulty_request");
        single.ExpectError(HttpStatusCode.NotFound, "faulty_request");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"message":"faulty request"}"""), single.Data));
    }

    [Fact]
    public async Task Bulk_play_answers_ok()
    {
        var (account, id, _) = await api.NewAdHocConferenceAsync("bulk-play", members: 1);

        var answer = await account.ParticipantsActionAsync(id, "play", new JsonObject { ["data"] = new JsonObject { ["media_id"] = "hold" } });
        var missing = await account.ParticipantsActionAsync(id, "play");

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("ok", (string?)answer.Data);
        missing.ExpectValidationError("data.media_id", "required");
    }

    [Fact]
    public async Task Relate_relates_two_present_participants()
    {
        var (account, id, participants) = await api.NewAdHocConferenceAsync("relate", members: 2);
        var (first, second) = (Id(participants[0]), Id(participants[1]));

        var answer = await account.ParticipantsActionAsync(id, "relate", new JsonObject { ["participant_id"] = first, ["other_participant"] = $"{second}", ["relationship"] = "deaf" });

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("relating participants", (string?)answer.Data);
        await account.ParticipantsAsync(id, p => p.Count == 2);
    }

    [Fact]
    public async Task Relate_errors_are_kazoos()
    {
        var (account, id, participants) = await api.NewAdHocConferenceAsync("relate-errors", members: 1);
        var present = Id(participants[0]);

        var missingField = await account.ParticipantsActionAsync(id, "relate", new JsonObject { ["participant_id"] = present });
        var badRelationship = await account.ParticipantsActionAsync(id, "relate", new JsonObject { ["participant_id"] = present, ["other_participant"] = present, ["relationship"] = "hug" });
        var absentOther = await account.ParticipantsActionAsync(id, "relate", new JsonObject { ["participant_id"] = present, ["other_participant"] = 9999 });
        var absentBoth = await account.ParticipantsActionAsync(id, "relate", new JsonObject { ["participant_id"] = 9998, ["other_participant"] = 9999 });
        var absentFirst = await account.ParticipantsActionAsync(id, "relate", new JsonObject { ["participant_id"] = 9998, ["other_participant"] = present });

        missingField.ExpectValidationError("other_participant", "required");
        Assert.Equal("hug", (string?)badRelationship.ExpectValidationError("relationship", "enum")["value"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"id":9999,"message":"bad identifier"}"""), absentOther.ExpectError(HttpStatusCode.NotFound, "bad_identifier").Data));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"id":9999,"message":"bad identifier"}"""), absentBoth.ExpectError(HttpStatusCode.NotFound, "bad_identifier").Data));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"id":9998,"message":"bad identifier"}"""), absentFirst.ExpectError(HttpStatusCode.NotFound, "bad_identifier").Data));
    }
}
