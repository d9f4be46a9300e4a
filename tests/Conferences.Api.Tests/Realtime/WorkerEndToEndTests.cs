namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// The deployment of docs/operations.md with <c>rabbitmq</c>: the API on a real RabbitMQ and the simulator as its own worker
/// process (<c>dotnet run --project src/Conferences.MediaServer</c>), in a zone of this test's own. Dial members and
/// a moderator over HTTP, read the live state, watch it on the websocket, steer it with actions, end it.
/// </summary>
public sealed class WorkerEndToEndTests() : WorkerScenarioTests(TestBroker.SharedOrPrivateAsync, "e2e")
{
    [Fact]
    public async Task Dial_watch_steer_and_end_a_conference_on_the_simulator_worker()
    {
        await using var watched = await Scenario.WatchNewConferenceAsync("Worker");
        var (account, conf, socket, binding) = watched;

        var members = await account.SendAsync(HttpMethod.Put, $"conferences/{conf}",
            Body.Data(new JsonObject { ["endpoints"] = new JsonArray("sip:ann@example.com", "sip:ben@example.com") }, new JsonObject { ["action"] = "dial" }));
        var moderator = await account.SendAsync(HttpMethod.Put, $"conferences/{conf}",
            Body.Data(new JsonObject { ["endpoints"] = new JsonArray("sip:mod@example.com"), ["participant_flags"] = new JsonArray("is_moderator") }, new JsonObject { ["action"] = "dial" }));
        foreach (var dial in new[] { members, moderator })
        {
            dial.ExpectStatus(HttpStatusCode.Created);
            Assert.All(dial.DataObject["endpoint_responses"]!.AsArray(), r => Assert.Equal("success", r!["status"]!.GetValue<string>()));
        }

        var running = await LiveApi.GetUntilAsync(account, conf, r => LiveApi.Counts(r, members: 2, moderators: 1));
        var readOnly = running.DataObject["_read_only"]!;
        Assert.Equal(1, readOnly["admins"]!.GetValue<int>());
        Assert.Equal(3, readOnly["participant_count"]!.GetValue<int>());
        Assert.Equal(Scenario.Zone, readOnly["switch_hostname"]!.GetValue<string>());
        var joins = await socket.EventsAsync(binding, "add-member", 3, TimeSpan.FromSeconds(20));
        Assert.All(joins, f => Assert.StartsWith($"conference.event.add-member.{account.Id}.{conf}.", f["routing_key"]!.GetValue<string>(), StringComparison.Ordinal));

        // bulk mute: the two members, not the moderator
        (await account.PutAsync($"conferences/{conf}/participants", new JsonObject { ["action"] = "mute" })).ExpectStatus(HttpStatusCode.Created);
        var mutes = await socket.EventsAsync(binding, "mute-member", 2, TimeSpan.FromSeconds(20));
        var participants = (await LiveApi.ParticipantsUntilAsync(account, conf,
            list => list.Count(p => !p!["speak"]!.GetValue<bool>()) == 2)).DataArray;
        var mod = Assert.Single(participants, p => p!["is_moderator"]!.GetValue<bool>())!;
        Assert.True(mod["speak"]!.GetValue<bool>());
        Assert.DoesNotContain(mutes, f => f["data"]!["participant_id"]!.GetValue<long>() == mod["participant_id"]!.GetValue<long>());

        (await account.PutAsync($"conferences/{conf}", new JsonObject { ["action"] = "lock" })).ExpectStatus(HttpStatusCode.Created);
        await socket.EventsAsync(binding, "lock", 1, TimeSpan.FromSeconds(20));
        await LiveApi.GetUntilAsync(account, conf, r => r["is_locked"]!.GetValue<bool>());

        (await account.PutAsync($"conferences/{conf}/participants", new JsonObject { ["action"] = "kick" })).ExpectStatus(HttpStatusCode.Created);
        await socket.EventsAsync(binding, "conference-destroy", 1, TimeSpan.FromSeconds(20));
        var idle = await LiveApi.GetUntilAsync(account, conf, r => r["uuid"] is null);
        Assert.Equal(0, idle.DataObject["_read_only"]!["participant_count"]!.GetValue<int>());
        Assert.False(idle.DataObject["_read_only"]!["is_locked"]!.GetValue<bool>());
    }
}
