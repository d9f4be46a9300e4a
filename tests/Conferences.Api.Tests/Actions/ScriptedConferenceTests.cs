using static Conferences.Api.Tests.Actions.ActionRequests;

namespace Conferences.Api.Tests.Actions;

/// <summary>
/// A conference steered from start to end through the API on the simulator (issue 7's script): every step's answer
/// and the state it leads to, read back through GET and the participants GET. Once on a stored conference (it goes
/// back to idle at the end) and once on an ad-hoc one (it is gone at the end: 404).
/// </summary>
public sealed class ScriptedConferenceTests(DialApiFactory api) : IClassFixture<DialApiFactory>
{
    [Fact]
    public async Task A_stored_conference_from_dial_to_bulk_kick()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["name"] = "Scripted" });

        await RunScriptAsync(account, id);

        // idle again: the conference-destroy after the last del-member (no uuid: not running)
        var idle = await LiveApi.GetUntilAsync(account, id, r => r["participant_count"]!.GetValue<int>() == 0 && !r.ContainsKey("uuid"));
        var readOnly = idle.DataObject["_read_only"]!.AsObject();
        Assert.False(readOnly["is_locked"]!.GetValue<bool>());
        Assert.Empty(readOnly["participants"]!.AsArray());
        Assert.Equal("Scripted", (string?)idle.DataObject["name"]);
        Assert.Empty((await account.GetAsync($"conferences/{id}/participants")).ExpectStatus(HttpStatusCode.OK).DataArray);
    }

    [Fact]
    public async Task An_ad_hoc_conference_from_dial_to_bulk_kick()
    {
        var account = await api.NewAccountAsync();
        var id = $"scripted-{Guid.NewGuid():N}";

        await RunScriptAsync(account, id);

        await Eventually.MatchAsync(() => account.GetAsync($"conferences/{id}"), a => a.Status == HttpStatusCode.NotFound, what: "the ad-hoc conference to be gone");
        (await account.GetAsync($"conferences/{id}/participants")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        (await account.ConferenceActionAsync(id, "lock")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
    }

    private async Task RunScriptAsync(TestAccount account, string id)
    {
        // dial 3 members and 1 moderator
        var (members, moderators) = await api.DialInIdsAsync(account, id, members: 3, moderators: 1);
        var moderator = Assert.Single(moderators);
        Assert.Equal(3, members.Length);
        await LiveApi.GetUntilAsync(account, id, r => LiveApi.Counts(r, members: 3, moderators: 1));

        // bulk mute: the moderator still speaks
        (await account.ParticipantsActionAsync(id, "mute")).ExpectStatus(HttpStatusCode.Created);
        var state = await account.ParticipantsAsync(id, p => members.All(m => !Flag(Find(p, m), "speak")));
        Assert.True(Flag(Find(state, moderator), "speak"));

        // unmute one
        Assert.Equal("ok", (string?)(await account.ParticipantActionAsync(id, members[0], "unmute")).ExpectStatus(HttpStatusCode.Created).Data);
        state = await account.ParticipantsAsync(id, p => Flag(Find(p, members[0]), "speak"));
        Assert.False(Flag(Find(state, members[1]), "speak"));
        Assert.False(Flag(Find(state, members[2]), "speak"));

        // deaf, then undeaf (bulk): moderators keep hearing throughout
        (await account.ParticipantsActionAsync(id, "deaf")).ExpectStatus(HttpStatusCode.Created);
        state = await account.ParticipantsAsync(id, p => members.All(m => !Flag(Find(p, m), "hear")));
        Assert.True(Flag(Find(state, moderator), "hear"));
        (await account.ParticipantsActionAsync(id, "undeaf")).ExpectStatus(HttpStatusCode.Created);
        await account.ParticipantsAsync(id, p => p.All(m => Flag(m, "hear")));

        // relate two
        var relate = await account.ParticipantsActionAsync(id, "relate",
            new JsonObject { ["participant_id"] = members[1], ["other_participant"] = members[2], ["relationship"] = "mute" });
        Assert.Equal("relating participants", (string?)relate.ExpectStatus(HttpStatusCode.Created).Data);

        // lock
        (await account.ConferenceActionAsync(id, "lock")).ExpectStatus(HttpStatusCode.Created);
        await LiveApi.GetUntilAsync(account, id, r => r["is_locked"]!.GetValue<bool>() && LiveApi.Counts(r, members: 3, moderators: 1));

        // kick one
        (await account.ParticipantActionAsync(id, members[2], "kick")).ExpectStatus(HttpStatusCode.Created);
        state = await account.ParticipantsAsync(id, p => p.Count == 3);
        Assert.Null(Find(state, members[2]));
        await LiveApi.GetUntilAsync(account, id, r => LiveApi.Counts(r, members: 2, moderators: 1));

        // bulk kick: everyone, the moderator included
        (await account.ParticipantsActionAsync(id, "kick")).ExpectStatus(HttpStatusCode.Created);
    }
}
