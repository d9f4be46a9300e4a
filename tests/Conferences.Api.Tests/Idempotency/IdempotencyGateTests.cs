using Conferences.Api.Tests.Actions;
using static Conferences.Api.Tests.Idempotency.IdempotencyRequests;

namespace Conferences.Api.Tests.Idempotency;

/// <summary>
/// A key is claimed while the request reads and validates, and every kind of act waits for the claim (ADR 0011,
/// <c>ActingGate</c>): with claims slower than the requests, two duplicates sent together still act once.
/// </summary>
public sealed class IdempotencyGateTests(SlowClaimsApiFactory api) : IClassFixture<SlowClaimsApiFactory>
{
    [Theory]
    [InlineData("lock", "lock")]
    [InlineData("play", "play")]
    [InlineData("record", "record")]
    public async Task A_conference_action_sent_twice_at_once_publishes_one_command(string action, string application)
    {
        var account = await api.NewAccountAsync();
        var id = await account.CreateConferenceIdAsync();
        await using var bus = await CommandCounter.ListenAsync(api, id);
        var key = NewKey();
        var data = action switch
        {
            "play" => new JsonObject { ["media_id"] = "beep" },
            "record" => new JsonObject { ["action"] = "start" },
            _ => null,
        };

        var answers = await TwiceAtOnceAsync(() => account.ConferenceActionAsync(id, action, key, data));
        await account.ConferenceActionAsync(id, "unlock", key: null);

        AssertOneRan(answers);
        Assert.Equal([application], await bus.UntilAsync("unlock"));
    }

    [Fact]
    public async Task A_participant_action_sent_twice_at_once_publishes_one_command()
    {
        var (account, id, participants) = await api.NewAdHocConferenceAsync("gate", members: 1);
        await using var bus = await CommandCounter.ListenAsync(api, id);
        var key = NewKey();

        var answers = await TwiceAtOnceAsync(() => account.PutAsync($"conferences/{id}/participants/{ActionRequests.Id(participants[0])}",
            new JsonObject { ["action"] = "mute" }, WithKey(key)));
        await account.ConferenceActionAsync(id, "unlock", key: null);

        AssertOneRan(answers);
        Assert.Equal([KapiConference.MuteParticipant.ApplicationName!], await bus.UntilAsync("unlock"));
    }

    [Fact]
    public async Task A_dial_sent_twice_at_once_rings_once()
    {
        await api.MediaManagerKnownAsync();
        var account = await api.NewAccountAsync();
        var id = $"gate-dial-{Guid.NewGuid():N}";
        var (key, endpoint) = (NewKey(), $"sip:{Guid.NewGuid():N}@example.com");

        var answers = await TwiceAtOnceAsync(() => account.ConferenceActionAsync(id, "dial", key, DialRequests.Endpoints(endpoint)));
        // a later dial without a key: once it shows, every participant of the two dials before it shows too
        (await account.DialAsync(id, DialRequests.Endpoints($"sip:{Guid.NewGuid():N}@example.com"))).ExpectStatus(HttpStatusCode.Created);

        AssertOneRan(answers);
        var participants = await account.ParticipantsAsync(id, p => p.Count >= 2);
        Assert.Equal(2, participants.Count);
    }

    [Fact]
    public async Task A_conference_and_an_account_created_twice_at_once_are_created_once()
    {
        var account = await api.NewAccountAsync();
        var (conferenceKey, accountKey) = (NewKey(), NewKey());
        var name = $"child {Guid.NewGuid():N}";

        var conferences = await TwiceAtOnceAsync(() => account.SendAsync(HttpMethod.Put, "conferences", Body.Data(new JsonObject { ["name"] = "Once" }), WithKey(conferenceKey)));
        var accounts = await TwiceAtOnceAsync(() => account.SendAsync(HttpMethod.Put, $"/v2/accounts/{account.Id}", Body.Data(new JsonObject { ["name"] = name }), WithKey(accountKey)));

        AssertOneRan(conferences);
        AssertOneRan(accounts);
        Assert.Single(await account.ListIdsAsync());
        var children = (await account.GetAsync($"/v2/accounts/{account.Id}/children")).ExpectStatus(HttpStatusCode.OK).DataArray;
        Assert.Single(children, c => (string?)c!["name"] == name);
    }

    private static async Task<Answer[]> TwiceAtOnceAsync(Func<Task<Answer>> send) => await Task.WhenAll(send(), send());

    // the other is 409 in progress, or the first answer replayed if it came after it
    private static void AssertOneRan(Answer[] answers)
    {
        Assert.Single(answers, a => a.Status is HttpStatusCode.OK or HttpStatusCode.Created && a.Header("Idempotent-Replayed") is null);
        Assert.Single(answers, a => a.Status == HttpStatusCode.Conflict || a.Header("Idempotent-Replayed") == "true");
    }
}
