namespace Conferences.Api.Tests.Realtime;

/// <summary>A running conference's GET answers from bytes kept per live snapshot and second (docs/operations.md,
/// "Caches"): a change of the live state shows in the very next GET, and the kept answer is what a fresh rendering
/// gives.</summary>
public sealed class RunningReadCacheTests(ApiFactory api) : RealtimeHarness(api)
{
    [Fact]
    public async Task A_join_shows_in_the_next_get_once_the_live_state_has_it()
    {
        var account = await Api.NewAccountAsync();
        var id = await account.CreateConferenceIdAsync(new JsonObject { ["name"] = "Kept" });
        await JoinAsync(account, id, "alice");
        await JoinAsync(account, id, "bob");
        await LiveApi.GetUntilAsync(account, id, r => LiveApi.Counts(r, members: 2, moderators: 0));
        // kept now: the same snapshot within the same second answers these bytes
        await LiveApi.GetConferenceAsync(account, id);

        await JoinAsync(account, id, "carol", moderator: true);
        await LiveApi.ParticipantsUntilAsync(account, id, participants => participants.Count == 3);

        var next = await LiveApi.GetConferenceAsync(account, id);
        Assert.Equal(3, ((JsonArray)next.DataObject["_read_only"]!["participants"]!).Count);
        Assert.True(LiveApi.Counts((JsonObject)next.DataObject["_read_only"]!, members: 2, moderators: 1), next.Body);
        Assert.Equal(3, next.Json!["metadata"]!["participant_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_kept_running_answer_is_the_document_a_fresh_rendering_gives()
    {
        var (account, id) = await RunningConferenceAsync("Zürich \"running\"");

        // durations count whole seconds: compare the three answers when they fell within one second
        for (var attempt = 0; ; attempt++)
        {
            var rendered = await LiveApi.GetConferenceAsync(account, id);
            var kept = await LiveApi.GetConferenceAsync(account, id);
            // an indented answer is rendered from the document and the live state every time
            var fresh = await account.GetAsync($"conferences/{id}", r => r.Headers.Add("X-Pretty-Print", "true"));
            var durations = new[] { rendered, kept, fresh }.Select(a => a.Json!["metadata"]!["duration"]!.GetValue<long>()).Distinct().Count();
            if (durations > 1 && attempt < 5)
            {
                continue;
            }
            Assert.Equal(rendered.Body, kept.Body.Replace(kept.Json!["request_id"]!.GetValue<string>(), rendered.Json!["request_id"]!.GetValue<string>(), StringComparison.Ordinal)
                .Replace(kept.Json!["timestamp"]!.GetValue<string>(), rendered.Json!["timestamp"]!.GetValue<string>(), StringComparison.Ordinal));
            Assert.Equal(fresh.Data!.ToJsonString(), kept.Data!.ToJsonString());
            Assert.Equal(fresh.Json!["metadata"]!.ToJsonString(), kept.Json!["metadata"]!.ToJsonString());
            return;
        }
    }
}
