using Conferences.Tests.Amqp;
using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.Api.Tests.Webhooks;

/// <summary>
/// Deliveries survive their instance: pending ones are in the store's outbox, so an instance stopped with deliveries
/// pending sends them after it starts again (embedded store and bus); two instances on RabbitMQ over one store
/// deliver each event once.
/// </summary>
public sealed class WebhookRestartTests : IDisposable
{
    private readonly string storePath = Path.Combine(Path.GetTempPath(), $"conferences-webhooks-{Guid.NewGuid():N}.db");
    private readonly string queue = $"conferences_webhooks.test-{Guid.NewGuid():N}";

    [Fact]
    public async Task Deliveries_pending_when_the_instance_stops_are_sent_after_it_starts_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Hang = true;
        string accountToken;
        string accountId;
        string webhookId;
        string secret;
        var conf = KazooIds.NewId();
        await using (var first = new WebhookInstanceFactory(storePath, queue))
        {
            var account = await first.NewAccountAsync();
            (accountId, accountToken) = (account.Id, account.ApiKey);
            var webhook = await account.CreateWebhookAsync(Webhooks.For(receiver, new JsonObject { ["retries"] = 4 }));
            (webhookId, secret) = (webhook["id"]!.GetValue<string>(), webhook["secret"]!.GetValue<string>());
            var bus = new ConferenceBus(first);
            await bus.JoinAsync(conf, account.Id, $"ivan-{conf}", "Ivan");
            await bus.JoinAsync(conf, account.Id, $"judy-{conf}", "Judy");
            await receiver.NextAsync(); // the first delivery is being attempted: the instance stops now
        }
        receiver.Hang = false;
        var seenBefore = receiver.Requests;

        await using var second = new WebhookInstanceFactory(storePath, queue);
        var again = await second.AuthenticateAsync(accountToken);

        var delivered = await receiver.AcceptedAsync(3);
        Assert.Equal([E.ConferenceCreate, E.AddMember, E.AddMember], delivered.Select(d => d.Event));
        Assert.All(delivered, d => Assert.True(d.IsSignedWith(secret)));
        Assert.True(receiver.Requests > seenBefore);
        Assert.Equal(accountId, again.Id);
        Assert.True((await again.GetAsync($"{Webhooks.Path}/{webhookId}")).DataObject["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Two_instances_on_rabbitmq_deliver_each_event_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var zone = ApiSettings.NewZone("w");
        try
        {
            await using var withSimulator = new WebhookInstanceFactory(storePath, queue, rabbitMq: true, simulator: true, zone: zone);
            await using var other = new WebhookInstanceFactory(storePath, queue, rabbitMq: true, simulator: false, zone: zone);
            var account = await withSimulator.NewAccountAsync();
            _ = await other.AuthenticateAsync(account.ApiKey); // both instances run
            await account.CreateWebhookAsync(Webhooks.For(receiver));
            var conf = KazooIds.NewId();
            var bus = new ConferenceBus(withSimulator);

            for (var i = 0; i < 5; i++)
            {
                await bus.JoinAsync(conf, account.Id, $"call{i}-{conf}", $"Caller {i}");
            }
            for (var i = 0; i < 5; i++)
            {
                await withSimulator.Services.GetRequiredService<SimulatorControl>().RemoveParticipantAsync($"call{i}-{conf}");
            }

            var delivered = await receiver.AcceptedUntilAsync(E.ConferenceDestroy);
            await Task.Delay(500);
            Assert.Equal(12, delivered.Count);
            Assert.Equal(12, receiver.All.Count);
            Assert.Equal(12, receiver.All.Select(d => d.Json["event_id"]!.GetValue<string>()).Distinct().Count());
            Assert.Equal([E.ConferenceCreate, .. Enumerable.Repeat(E.AddMember, 5), .. Enumerable.Repeat(E.DelMember, 5), E.ConferenceDestroy],
                delivered.Select(d => d.Event));
        }
        finally
        {
            await using var amqp = await RawAmqp.ConnectAsync(TestServers.Broker);
            await amqp.DeleteQueueAsync(queue);
        }
    }

    public void Dispose()
    {
        Conferences.Infrastructure.Storage.Sqlite.SqlitePoolGate.ClearAllPools();
        foreach (var path in new[] { storePath, $"{storePath}-wal", $"{storePath}-shm" })
        {
            File.Delete(path);
        }
    }
}
