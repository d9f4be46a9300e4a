namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// A RabbitMQ restart in the middle of a conference run by the simulator worker process: once the broker is back the
/// API shows the same participants (none stale, none missing), the websocket subscription delivers again without the
/// client doing anything, and actions reach the worker.
/// </summary>
public sealed class WorkerBrokerRestartTests() : WorkerScenarioTests(TestBroker.PrivateAsync, "rst")
{
    private static readonly TimeSpan Recovery = WorkerScenario.Patience;
    [Fact]
    public async Task The_conference_its_subscription_and_its_actions_survive_a_broker_restart()
    {
        await using var watched = await Scenario.WatchNewConferenceAsync("Restart");
        var (account, conf, socket, binding) = watched;
        (await account.SendAsync(HttpMethod.Put, $"conferences/{conf}",
            Body.Data(new JsonObject { ["endpoints"] = new JsonArray("sip:ann@example.com", "sip:ben@example.com") }, new JsonObject { ["action"] = "dial" })))
            .ExpectStatus(HttpStatusCode.Created);
        var before = LiveApi.CallIds((await LiveApi.ParticipantsUntilAsync(account, conf, p => p.Count == 2)).DataArray).ToList();

        await Scenario.Broker.StopAsync();
        await Scenario.Broker.StartAsync();
        await Scenario.WorkerKnownAsync();

        // the same two participants, read from the recovered live state
        var after = await LiveApi.ParticipantsUntilAsync(account, conf, p => LiveApi.CallIds(p).SequenceEqual(before), Recovery);
        var pid = after.DataArray[0]!["participant_id"]!.GetValue<long>();

        // an action reaches the worker again (the bus may still be recovering: 503 until then), and its event the socket
        await Eventually.MatchAsync(() => account.PutAsync($"conferences/{conf}/participants/{pid}", new JsonObject { ["action"] = "mute" }),
            answer => answer.Status == HttpStatusCode.Created, Recovery, "mute after the restart");
        var muted = Assert.Single(await socket.EventsAsync(binding, "mute-member", 1, Recovery));
        Assert.Equal(pid, muted["data"]!["participant_id"]!.GetValue<long>());
        await LiveApi.ParticipantsUntilAsync(account, conf, p => p.Any(x => x!["participant_id"]!.GetValue<long>() == pid && !x["speak"]!.GetValue<bool>()));

        (await account.PutAsync($"conferences/{conf}/participants", new JsonObject { ["action"] = "kick" })).ExpectStatus(HttpStatusCode.Created);
        Assert.Single(await socket.EventsAsync(binding, "conference-destroy", 1, Recovery));
        await LiveApi.GetUntilAsync(account, conf, r => r["uuid"] is null && r["participant_count"]!.GetValue<int>() == 0);
    }
}
