namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// Realtime data on the embedded default for ids that are not a running stored conference: ad hoc and deleted
/// conferences that run, unknown participants, other accounts (docs/compatibility.md, <c>cb_conferences.erl</c>).
/// </summary>
public sealed class RealtimeAdHocTests(ApiFactory api) : RealtimeHarness(api)
{
    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("-1")]
    public async Task Unknown_or_malformed_participant_of_a_running_conference_is_404_bad_identifier(string participant)
    {
        var account = await Api.NewAccountAsync();
        var id = await account.CreateConferenceIdAsync();
        await JoinAsync(account, id, "alice");
        await LiveApi.ParticipantsUntilAsync(account, id, p => p.Count == 1);

        var answer = await account.GetAsync($"conferences/{id}/participants/{participant}");

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        Assert.Equal(participant, answer.DataObject["id"]!.GetValue<string>());
        answer.ExpectData("message", "bad identifier");
    }

    [Fact]
    public async Task An_unknown_id_answers_the_ad_hoc_document_while_it_runs_and_404_after_the_last_participant_leaves()
    {
        var account = await Api.NewAccountAsync();
        var id = $"adhoc-{KazooIds.RandomHex(4)}";
        (await account.GetAsync($"conferences/{id}")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        var alice = await JoinAsync(account, id, "alice");
        var boss = await JoinAsync(account, id, "boss", moderator: true);

        var answer = await LiveApi.GetUntilAsync(account, id, r => LiveApi.Counts(r, members: 1, moderators: 1));
        var data = answer.DataObject;
        Assert.Equal(id, data["id"]!.GetValue<string>());
        Assert.Equal("[]", data["conference_numbers"]!.ToJsonString());
        Assert.Equal("""{"join_deaf":false,"join_muted":true,"numbers":[],"pins":[]}""", data["member"]!.ToJsonString());
        Assert.Equal("""{"join_deaf":false,"join_muted":false,"numbers":[],"pins":[]}""", data["moderator"]!.ToJsonString());
        Assert.False(data["play_name"]!.GetValue<bool>());
        Assert.DoesNotContain(data, p => p.Key.StartsWith("pvt_", StringComparison.Ordinal));
        Assert.Null(answer.Json!["revision"]);
        Assert.Null(answer.Header("ETag"));
        Assert.Equal(2, answer.Json!["metadata"]!["participant_count"]!.GetValue<int>());
        Assert.Equal(2, (await account.GetAsync($"conferences/{id}/participants")).ExpectStatus(HttpStatusCode.OK).DataArray.Count);
        (await account.GetAsync($"conferences/{id}/participants/{boss.MemberId}")).ExpectStatus(HttpStatusCode.OK);
        // the list shows stored conferences only, as Kazoo's
        Assert.DoesNotContain(id, await account.ListIdsAsync());

        await Simulator.RemoveParticipantAsync(alice.CallId);
        await Simulator.RemoveParticipantAsync(boss.CallId);

        await Eventually.MatchAsync(() => account.GetAsync($"conferences/{id}"), a => a.Status == HttpStatusCode.NotFound);
        (await account.GetAsync($"conferences/{id}")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        (await account.GetAsync($"conferences/{id}/participants")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        (await account.GetAsync($"conferences/{id}/participants/{boss.MemberId}")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
    }

    [Fact]
    public async Task A_deleted_conference_that_still_runs_answers_the_ad_hoc_document()
    {
        var account = await Api.NewAccountAsync();
        var id = await account.CreateConferenceIdAsync(new JsonObject { ["name"] = "Soon deleted" });
        await JoinAsync(account, id, "alice");
        await LiveApi.GetUntilAsync(account, id, r => r["participant_count"]!.GetValue<int>() == 1);

        (await account.DeleteAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);

        var answer = (await account.GetAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);
        Assert.False(answer.DataObject.ContainsKey("name"));
        Assert.Null(answer.Json!["revision"]);
        Assert.Equal(1, answer.DataObject["_read_only"]!["participant_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Other_accounts_do_not_see_a_conference_of_the_same_id()
    {
        var owner = await Api.NewAccountAsync();
        var stranger = await Api.NewAccountAsync();
        var id = $"shared-name-{KazooIds.RandomHex(4)}";
        await JoinAsync(owner, id, "alice");
        await LiveApi.GetUntilAsync(owner, id, r => r["participant_count"]!.GetValue<int>() == 1);

        (await stranger.GetAsync($"conferences/{id}")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        (await stranger.GetAsync($"conferences/{id}/participants")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
    }
}
