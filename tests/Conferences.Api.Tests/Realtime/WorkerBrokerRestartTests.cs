using System.Net;
using System.Text.Json.Nodes;
using Conferences.Api.Tests.Fixtures;
using Conferences.Api.Tests.Websocket;
using Conferences.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// A RabbitMQ restart in the middle of a conference run by the simulator worker process: once the broker is back the
/// API shows the same participants (none stale, none missing), the websocket subscription delivers again without the
/// client doing anything, and actions reach the worker.
/// </summary>
public sealed class WorkerBrokerRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(90);
    private readonly string zone = $"rst{Guid.NewGuid():N}"[..12];
    private TestBroker broker = null!;
    private WorkerProcessHost worker = null!;
    private ZonedRabbitMqApiFactory api = null!;

    public async Task InitializeAsync()
    {
        broker = await TestBroker.PrivateAsync();
        worker = WorkerProcessHost.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = broker.Url,
            ["MediaServer__Zone"] = zone,
            ["MediaServer__Hostname"] = zone,
            ["MediaServer__AdvertiseInterval"] = "00:00:01",
            ["RabbitMq__RecoveryInterval"] = "00:00:00.500",
            ["Logging__Format"] = "text",
        });
        api = new ZonedRabbitMqApiFactory(broker.Url, zone);
        _ = api.Server;
        await WorkerKnownAsync();
    }

    public async Task DisposeAsync()
    {
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
    public async Task The_conference_its_subscription_and_its_actions_survive_a_broker_restart()
    {
        var account = await api.NewAccountAsync();
        var conf = await account.CreateConferenceIdAsync(new JsonObject { ["name"] = "Restart" });
        await using var socket = await BlackholeClient.ConnectAsync(api);
        var binding = $"conference.event.*.{conf}.*";
        Assert.Equal("success", (await socket.SubscribeAsync(account, binding))["status"]!.GetValue<string>());
        (await account.SendAsync(HttpMethod.Put, $"conferences/{conf}",
            Body.Data(new JsonObject { ["endpoints"] = new JsonArray("sip:ann@example.com", "sip:ben@example.com") }, new JsonObject { ["action"] = "dial" })))
            .ExpectStatus(HttpStatusCode.Created);
        var before = LiveApi.CallIds((await LiveApi.ParticipantsUntilAsync(account, conf, p => p.Count == 2)).DataArray).ToList();

        await broker.StopAsync();
        await broker.StartAsync();
        await WorkerKnownAsync();

        // the same two participants, read from the recovered live state
        var after = await LiveApi.ParticipantsUntilAsync(account, conf, p => LiveApi.CallIds(p).SequenceEqual(before), Recovery);
        var pid = after.DataArray[0]!["participant_id"]!.GetValue<long>();

        // an action reaches the worker again (the bus may still be recovering: 503 until then), and its event the socket
        await Eventually.MatchAsync(() => account.PutAsync($"conferences/{conf}/participants/{pid}", new JsonObject { ["action"] = "mute" }),
            answer => answer.Status == HttpStatusCode.Created, Recovery, "mute after the restart");
        var muted = await NextAsync(socket, binding, "mute-member");
        Assert.Equal(pid, muted["data"]!["participant_id"]!.GetValue<long>());
        await LiveApi.ParticipantsUntilAsync(account, conf, p => p.Any(x => x!["participant_id"]!.GetValue<long>() == pid && !x["speak"]!.GetValue<bool>()));

        (await account.PutAsync($"conferences/{conf}/participants", new JsonObject { ["action"] = "kick" })).ExpectStatus(HttpStatusCode.Created);
        await NextAsync(socket, binding, "conference-destroy");
        await LiveApi.GetUntilAsync(account, conf, r => r["uuid"] is null && r["participant_count"]!.GetValue<int>() == 0);
    }

    private async Task WorkerKnownAsync()
    {
        var directory = api.Services.GetRequiredService<IMediaManagerDirectory>();
        await Eventually.MatchAsync(() => Task.FromResult(directory.Managers.Any(m => m.Zone == zone)), known => known,
            Recovery, $"the worker's heartbeat (worker output:\n{worker.Output})");
    }

    private static async Task<JsonObject> NextAsync(BlackholeClient socket, string binding, string eventName)
    {
        while (true)
        {
            var frame = await socket.NextEventAsync(Recovery);
            Assert.Equal(binding, frame["subscribed_key"]!.GetValue<string>());
            if (frame["data"]!["event"]!.GetValue<string>() == eventName)
            {
                return frame;
            }
        }
    }
}
