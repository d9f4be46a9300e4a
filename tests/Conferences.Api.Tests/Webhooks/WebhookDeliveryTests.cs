using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.Api.Tests.Webhooks;

/// <summary>The embedded default with webhooks on and the simulator's clock scaled down.</summary>
public sealed class WebhookDeliveryFactory : WebhookApiFactory
{
    public WebhookDeliveryFactory() => Settings.FastSimulator();
}

/// <summary><see cref="WebhookDeliveryFactory"/> on the test CouchDB server: the outbox, leases and attempts there.</summary>
public sealed class CouchDbWebhookDeliveryFactory : WebhookApiFactory
{
    public CouchDbWebhookDeliveryFactory() => Settings.CouchDb().FastSimulator();
}

/// <summary>WebhookDeliveryTests on the embedded SQLite store.</summary>
public sealed class WebhookDeliveryTestsOnSqlite(WebhookDeliveryFactory api) : WebhookDeliveryTests<WebhookDeliveryFactory>(api);

/// <summary>WebhookDeliveryTests on the test CouchDB server.</summary>
public sealed class WebhookDeliveryTestsOnCouchDb(CouchDbWebhookDeliveryFactory api) : WebhookDeliveryTests<CouchDbWebhookDeliveryFactory>(api);

/// <summary>
/// Deliveries to receivers on loopback (docs/webhooks.md): each event of a conference in order, signed with the
/// webhook's secret, with its custom data, an event id and the conference's sequence; retried after a 5xx; a dead
/// receiver's webhook disabled after its retries while the others go on.
/// </summary>
public abstract class WebhookDeliveryTests<TFactory>(TFactory api) : IClassFixture<TFactory>
    where TFactory : ApiFactory
{
    [Fact]
    public async Task Join_mute_lock_and_kick_arrive_in_order_signed_and_with_the_custom_data()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = await api.NewAccountAsync();
        var webhook = await account.CreateWebhookAsync(Webhooks.For(receiver, new JsonObject { ["custom_data"] = new JsonObject { ["tenant"] = "acme" } }));
        var secret = webhook["secret"]!.GetValue<string>();
        var conf = KazooIds.NewId();
        var bus = new ConferenceBus(api);

        await bus.JoinAsync(conf, account.Id, $"alice-{conf}", "Alice");
        await bus.JoinAsync(conf, account.Id, $"bob-{conf}", "Bob");
        await Eventually.MatchAsync(() => account.GetAsync($"conferences/{conf}/participants"), a => a.Status == HttpStatusCode.OK && a.DataArray.Count == 2);
        (await account.PutAsync($"conferences/{conf}/participants", new JsonObject { ["action"] = "mute" })).ExpectStatus(HttpStatusCode.Created);
        await WaitForAsync(receiver, E.MuteMember, 2);
        (await account.SendAsync(HttpMethod.Put, $"conferences/{conf}", Body.Data(new JsonObject(), new JsonObject { ["action"] = "lock" }))).ExpectStatus(HttpStatusCode.Created);
        await WaitForAsync(receiver, E.Lock, 1);
        (await account.PutAsync($"conferences/{conf}/participants", new JsonObject { ["action"] = "kick" })).ExpectStatus(HttpStatusCode.Created);

        var deliveries = await receiver.AcceptedUntilAsync(E.ConferenceDestroy);

        Assert.Equal(
            [E.ConferenceCreate, E.AddMember, E.AddMember, E.MuteMember, E.MuteMember, E.Lock, E.DelMember, E.DelMember, E.ConferenceDestroy],
            deliveries.Select(d => d.Event));
        Assert.All(deliveries, d => Assert.True(d.IsSignedWith(secret), "signature does not verify"));
        Assert.All(deliveries, d => Assert.Equal("acme", d.Json["tenant"]!.GetValue<string>()));
        Assert.All(deliveries, d => Assert.Equal(conf, d.Json["conference_id"]!.GetValue<string>()));
        Assert.All(deliveries, d => Assert.Equal(webhook["id"]!.GetValue<string>(), d.Headers["X-Conferences-Webhook-Id"]));
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.Json["event_id"]!.GetValue<string>()).Distinct().Count());
        var sequences = deliveries.Select(d => d.Sequence).ToList();
        Assert.Equal(Enumerable.Range(0, sequences.Count).Select(i => sequences[0] + i), sequences);
        Assert.Equal("POST", deliveries[0].Method);
        Assert.Equal($"bob-{conf}", deliveries[2].Json["call_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_500_is_retried_and_both_attempts_are_logged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => n == 1 ? 500 : 200;
        var account = await api.NewAccountAsync();
        var id = (await account.CreateWebhookAsync(Webhooks.For(receiver, new JsonObject { ["events"] = new JsonArray(E.ConferenceCreate) })))["id"]!.GetValue<string>();
        var conf = KazooIds.NewId();

        await new ConferenceBus(api).JoinAsync(conf, account.Id, $"carol-{conf}", "Carol");

        var first = await receiver.NextAsync();
        var second = await receiver.NextAsync();
        Assert.Equal(500, first.Status);
        Assert.Equal(200, second.Status);
        Assert.Equal(first.Json["event_id"]!.GetValue<string>(), second.Json["event_id"]!.GetValue<string>());
        var attempts = await Eventually.MatchAsync(() => account.GetAsync($"{Webhooks.Path}/{id}/attempts"), a => a.DataArray.Count == 2);
        Assert.Equal(["success", "failure"], attempts.DataArray.Select(a => a!["result"]!.GetValue<string>()));
        Assert.Equal([200, 500], attempts.DataArray.Select(a => a!["status"]!.GetValue<int>()));
        Assert.Equal("HTTP 500", attempts.DataArray[1]!["error"]!.GetValue<string>());
        Assert.All(attempts.DataArray, a => Assert.Equal(E.ConferenceCreate, a!["event"]!.GetValue<string>()));
        Assert.True((await account.GetAsync($"{Webhooks.Path}/{id}")).DataObject["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_receiver_that_never_answers_gets_its_webhook_disabled_and_the_others_go_on()
    {
        await using var dead = await WebhookReceiver.StartAsync();
        await using var alive = await WebhookReceiver.StartAsync();
        dead.Hang = true;
        var account = await api.NewAccountAsync();
        var deadId = (await account.CreateWebhookAsync(Webhooks.For(dead, new JsonObject { ["retries"] = 1 })))["id"]!.GetValue<string>();
        await account.CreateWebhookAsync(Webhooks.For(alive));
        var conf = KazooIds.NewId();
        var bus = new ConferenceBus(api);

        await bus.JoinAsync(conf, account.Id, $"dave-{conf}", "Dave");
        await bus.JoinAsync(conf, account.Id, $"erin-{conf}", "Erin");

        var delivered = await Eventually.MatchAsync(() => Task.FromResult(alive.All), all => all.Count >= 3);
        Assert.Equal([E.ConferenceCreate, E.AddMember, E.AddMember], delivered.Take(3).Select(d => d.Event));
        var disabled = await Eventually.MatchAsync(() => account.GetAsync($"{Webhooks.Path}/{deadId}"), a => !a.DataObject["enabled"]!.GetValue<bool>());
        Assert.Contains("2 failed attempts", disabled.DataObject["_read_only"]!["disabled_reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var attempts = (await account.GetAsync($"{Webhooks.Path}/{deadId}/attempts")).DataArray;
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.StartsWith("timeout", a!["error"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(2, dead.Requests);
        // the alive webhook's attempts are written with its batch, up to a quarter second after the delivery
        await Eventually.MatchAsync(() => account.GetAsync($"{Webhooks.Path}/attempts"), a => a.DataArray.Count == 2 + delivered.Count,
            what: "the account's attempts logged");
    }

    [Fact]
    public async Task Events_outside_the_webhooks_events_and_conferences_are_not_sent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = await api.NewAccountAsync();
        var wanted = KazooIds.NewId();
        await account.CreateWebhookAsync(Webhooks.For(receiver, new JsonObject
        {
            ["events"] = new JsonArray(E.AddMember),
            ["conference_ids"] = new JsonArray(wanted),
        }));
        var bus = new ConferenceBus(api);

        await bus.JoinAsync(KazooIds.NewId(), account.Id, $"frank-{wanted}", "Frank");
        await bus.JoinAsync(wanted, account.Id, $"grace-{wanted}", "Grace");

        var only = await receiver.NextAsync();
        Assert.Equal(E.AddMember, only.Event);
        Assert.Equal(wanted, only.Json["conference_id"]!.GetValue<string>());
        await Task.Delay(300);
        Assert.Single(receiver.All);
    }

    [Fact]
    public async Task A_parents_webhook_with_include_subaccounts_gets_its_childs_events()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var parent = await api.NewAccountAsync();
        var child = await api.NewAccountAsync(parent);
        await parent.CreateWebhookAsync(Webhooks.For(receiver, new JsonObject { ["include_subaccounts"] = true, ["events"] = new JsonArray(E.AddMember) }));
        var conf = KazooIds.NewId();

        await new ConferenceBus(api).JoinAsync(conf, child.Id, $"heidi-{conf}", "Heidi");

        var delivery = await receiver.NextAsync();
        Assert.Equal(child.Id, delivery.Json["account_id"]!.GetValue<string>());
    }

    private static Task WaitForAsync(WebhookReceiver receiver, string eventName, int count) =>
        Eventually.MatchAsync(() => Task.FromResult(receiver.All), all => all.Count(d => d.Event == eventName) >= count, what: $"{count} × {eventName}");
}
