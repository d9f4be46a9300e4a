using System.Net;
using System.Text.Json.Nodes;
using Conferences.Api.Tests.Fixtures;
using Conferences.Api.Tests.Websocket;
using Conferences.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// The deployment of profile §3 with <c>rabbitmq</c>: the API on a real RabbitMQ and the simulator as its own worker
/// process (<c>dotnet run --project src/Conferences.MediaServer</c>), in a zone of this test's own. Dial members and
/// a moderator over HTTP, read the live state, watch it on the websocket, steer it with actions, end it.
/// </summary>
public sealed class WorkerEndToEndTests : IAsyncLifetime
{
    private readonly string zone = $"e2e{Guid.NewGuid():N}"[..12];
    private TestBroker broker = null!;
    private WorkerProcessHost worker = null!;
    private ZonedRabbitMqApiFactory api = null!;

    public async Task InitializeAsync()
    {
        broker = await TestBroker.SharedOrPrivateAsync();
        worker = WorkerProcessHost.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = broker.Url,
            ["MediaServer__Zone"] = zone,
            ["MediaServer__Hostname"] = zone,
            ["MediaServer__AdvertiseInterval"] = "00:00:01",
            ["Logging__Format"] = "text",
        });
        api = new ZonedRabbitMqApiFactory(broker.Url, zone);
        _ = api.Server;
        var directory = api.Services.GetRequiredService<IMediaManagerDirectory>();
        await Eventually.MatchAsync(() => Task.FromResult(directory.Managers.Any(m => m.Zone == zone)), known => known,
            deadline: TimeSpan.FromSeconds(90), what: $"the worker's heartbeat (worker output:\n{worker.Output})");
    }

    public async Task DisposeAsync()
    {
        // the worker is a process of its own: it must not outlive the test, whatever else fails here
        try
        {
            await api.DisposeAsync();
        }
        finally
        {
            try
            {
                await worker.DisposeAsync();
            }
            finally
            {
                await broker.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Dial_watch_steer_and_end_a_conference_on_the_simulator_worker()
    {
        var account = await api.NewAccountAsync();
        var conf = await account.CreateConferenceIdAsync(new JsonObject { ["name"] = "Worker" });
        await using var socket = await BlackholeClient.ConnectAsync(api);
        var binding = $"conference.event.*.{conf}.*";
        Assert.Equal("success", (await socket.SubscribeAsync(account, binding))["status"]!.GetValue<string>());

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
        Assert.Equal(zone, readOnly["switch_hostname"]!.GetValue<string>());
        var joins = await FramesAsync(socket, binding, "add-member", 3);
        Assert.All(joins, f => Assert.StartsWith($"conference.event.add-member.{account.Id}.{conf}.", f["routing_key"]!.GetValue<string>(), StringComparison.Ordinal));

        // bulk mute: the two members, not the moderator
        (await account.PutAsync($"conferences/{conf}/participants", new JsonObject { ["action"] = "mute" })).ExpectStatus(HttpStatusCode.Created);
        var mutes = await FramesAsync(socket, binding, "mute-member", 2);
        var participants = (await LiveApi.ParticipantsUntilAsync(account, conf,
            list => list.Count(p => !p!["speak"]!.GetValue<bool>()) == 2)).DataArray;
        var mod = Assert.Single(participants, p => p!["is_moderator"]!.GetValue<bool>())!;
        Assert.True(mod["speak"]!.GetValue<bool>());
        Assert.DoesNotContain(mutes, f => f["data"]!["participant_id"]!.GetValue<long>() == mod["participant_id"]!.GetValue<long>());

        (await account.PutAsync($"conferences/{conf}", new JsonObject { ["action"] = "lock" })).ExpectStatus(HttpStatusCode.Created);
        await FramesAsync(socket, binding, "lock", 1);
        await LiveApi.GetUntilAsync(account, conf, r => r["is_locked"]!.GetValue<bool>());

        (await account.PutAsync($"conferences/{conf}/participants", new JsonObject { ["action"] = "kick" })).ExpectStatus(HttpStatusCode.Created);
        await FramesAsync(socket, binding, "conference-destroy", 1);
        var idle = await LiveApi.GetUntilAsync(account, conf, r => r["uuid"] is null);
        Assert.Equal(0, idle.DataObject["_read_only"]!["participant_count"]!.GetValue<int>());
        Assert.False(idle.DataObject["_read_only"]!["is_locked"]!.GetValue<bool>());
    }

    private static async Task<List<JsonObject>> FramesAsync(BlackholeClient socket, string binding, string eventName, int count)
    {
        var found = new List<JsonObject>();
        while (found.Count < count)
        {
            var frame = await socket.NextEventAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(binding, frame["subscribed_key"]!.GetValue<string>());
            if (frame["data"]!["event"]!.GetValue<string>() == eventName)
            {
                found.Add(frame);
            }
        }
        return found;
    }
}
