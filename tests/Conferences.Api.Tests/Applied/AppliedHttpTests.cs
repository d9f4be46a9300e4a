using static Conferences.Api.Tests.Actions.ActionRequests;
using static Conferences.Api.Tests.Applied.AppliedRequests;

namespace Conferences.Api.Tests.Applied;

/// <summary>
/// <c>wait=applied</c> on the embedded simulator (docs/compatibility.md, "Actions a script can trust"): the answer
/// comes once the media server's confirming events are in the live state, so a GET right after shows the change;
/// unconfirmed in time → 202 naming what was not confirmed (<see cref="AppliedTimeoutHttpTests"/>).
/// </summary>
public sealed class AppliedHttpTests(AppliedHttpTests.LongTimeout api) : IClassFixture<AppliedHttpTests.LongTimeout>
{
    [Fact]
    public async Task Bulk_mute_answers_after_every_targets_mute_member_and_get_shows_it_at_once()
    {
        var account = await api.NewAccountAsync();
        var id = $"applied-mute-{Guid.NewGuid():N}";
        var (members, _) = await api.DialInIdsAsync(account, id, members: 2, moderators: 1);

        var answer = await account.ParticipantsActionAppliedAsync(id, "mute");

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("confirmed", (string?)answer.Json!["metadata"]!["applied"]);
        Assert.Equal(members.Select(m => ("mute-member", (string?)$"{m}")), Confirmed(answer).OrderBy(c => c.Target));
        var now = (await account.GetAsync($"conferences/{id}/participants")).DataArray;
        Assert.All(Members(now), m => Assert.False(Flag(m, "speak")));
    }

    [Fact]
    public async Task Lock_kick_and_dial_wait_for_lock_del_member_and_add_member()
    {
        var account = await api.NewAccountAsync();
        var id = $"applied-kinds-{Guid.NewGuid():N}";
        var first = (await RunningAsync(api, account, id, members: 1))[0];

        var locked = await account.ConferenceActionAppliedAsync(id, "lock");
        var isLocked = (await account.GetAsync($"conferences/{id}")).DataObject["_read_only"]!["is_locked"]!.GetValue<bool>();
        await account.ConferenceActionAppliedAsync(id, "unlock");
        var dialled = await account.ConferenceActionAppliedAsync(id, "dial", DialRequests.Endpoints("sip:late@example.com"));
        var countAfterDial = (await account.GetAsync($"conferences/{id}/participants")).DataArray.Count;
        var kicked = await account.ParticipantActionAppliedAsync(id, first, "kick");
        var afterKick = (await account.GetAsync($"conferences/{id}/participants")).DataArray;

        Assert.Equal([("lock", null)], Confirmed(locked.ExpectStatus(HttpStatusCode.Created)));
        Assert.True(isLocked);
        var callId = (string?)dialled.ExpectStatus(HttpStatusCode.Created).DataObject["endpoint_responses"]![0]!["call_id"];
        var joined = Assert.Single(dialled.Json!["metadata"]!["confirmed"]!.AsArray())!;
        Assert.Equal(("add-member", callId), ((string?)joined["event"], (string?)joined["call_id"]));
        Assert.Equal(2, countAfterDial);
        Assert.Equal([("del-member", (string?)$"{first}")], Confirmed(kicked.ExpectStatus(HttpStatusCode.Created)));
        Assert.DoesNotContain(afterKick, p => Id(p) == first);
    }

    [Fact]
    public async Task Without_wait_the_answer_has_no_confirmation_and_a_bad_wait_is_400()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var plain = await account.ConferenceActionAsync(id, "lock");
        var bad = await account.SendAsync(HttpMethod.Put, $"conferences/{id}?wait=soon", Body.Data(new JsonObject(), new JsonObject { ["action"] = "lock" }));

        plain.ExpectStatus(HttpStatusCode.Created);
        Assert.Null(plain.Json!["metadata"]);
        Assert.Equal("soon", (string?)bad.ExpectValidationError("wait", "enum")["value"]);
    }

    /// <summary>The embedded default with the quick simulator and a wait long enough for a loaded machine.</summary>
    public sealed class LongTimeout : ApiFactory
    {
        public LongTimeout() => Settings.FastSimulator().LongAppliedTimeout();
    }
}
