using static Conferences.Api.Tests.Actions.ActionRequests;

namespace Conferences.Api.Tests.Actions;

/// <summary>PUT <c>…/participants/{pid}</c> through HTTP on the embedded default (docs/compatibility.md D3), every change read back through the participants GET.</summary>
public sealed class SingleParticipantActionHttpTests(DialApiFactory api) : IClassFixture<DialApiFactory>
{
    [Theory]
    [InlineData("mute", "speak", false)]
    [InlineData("deaf", "hear", false)]
    public async Task Single_actions_change_only_their_participant(string action, string flag, bool expected)
    {
        var (account, id, participants) = await api.NewAdHocConferenceAsync("single", members: 2);
        var target = Id(participants[0]);
        var other = Id(participants[1]);

        var answer = await account.ParticipantActionAsync(id, target, action);

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("ok", (string?)answer.Data);
        Assert.Equal($"/v2/accounts/{account.Id}/conferences/{id}/participants/{target}/{id}", answer.Header("Location"));
        var after = await account.ParticipantsAsync(id, p => Find(p, target) is { } t && Flag(t, flag) == expected);
        Assert.Equal(!expected, Flag(Find(after, other), flag));

        var undo = await account.ParticipantActionAsync(id, target, $"un{action}");

        undo.ExpectStatus(HttpStatusCode.Created);
        await account.ParticipantsAsync(id, p => Find(p, target) is { } t && Flag(t, flag) == !expected);
    }

    [Fact]
    public async Task Single_kick_removes_only_that_participant_and_play_answers_ok()
    {
        var (account, id, participants) = await api.NewAdHocConferenceAsync("single-kick", members: 2);
        var (target, other) = (Id(participants[0]), Id(participants[1]));

        var play = await account.ParticipantActionAsync(id, other, "play", new JsonObject { ["data"] = new JsonObject { ["media_id"] = "beep" } });
        var kick = await account.ParticipantActionAsync(id, target, "kick");

        play.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("ok", (string?)play.Data);
        kick.ExpectStatus(HttpStatusCode.Created);
        var left = await account.ParticipantsAsync(id, p => p.Count == 1);
        Assert.Equal(other, Id(left[0]));
        (await account.GetAsync($"conferences/{id}/participants/{target}")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
    }

    [Theory]
    [InlineData("424242")]
    [InlineData("abc")]
    [InlineData("1.5")]
    public async Task A_participant_that_is_not_in_the_conference_is_404_bad_identifier(string participantId)
    {
        var (account, id, _) = await api.NewAdHocConferenceAsync("absent", members: 1);

        var answer = await account.ParticipantActionAsync(id, participantId, "mute");

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"id":"{{participantId}}","message":"bad identifier"}"""), answer.Data), answer.Body);
    }

    [Fact]
    public async Task Single_play_needs_a_media_id()
    {
        var (account, id, participants) = await api.NewAdHocConferenceAsync("single-play", members: 1);

        var answer = await account.ParticipantActionAsync(id, Id(participants[0]), "play");

        Assert.Equal("action 'play' requires a media ID or URL", (string?)answer.ExpectValidationError("data.media_id", "required")["message"]);
    }

    [Fact]
    public async Task Participant_puts_with_if_match_are_412()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var bulk = await account.PutAsync($"conferences/{id}/participants", new JsonObject { ["action"] = "mute" }, r => r.Headers.TryAddWithoutValidation("If-Match", "\"1-abc\""));
        var single = await account.PutAsync($"conferences/{id}/participants/1", new JsonObject { ["action"] = "mute" }, r => r.Headers.TryAddWithoutValidation("If-Match", "\"1-abc\""));

        bulk.ExpectError(HttpStatusCode.PreconditionFailed, "precondition_failed");
        single.ExpectError(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task Participant_puts_need_credentials()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences/any/participants", Body.Data(new JsonObject { ["action"] = "mute" }), withToken: false);

        answer.ExpectError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }
}
