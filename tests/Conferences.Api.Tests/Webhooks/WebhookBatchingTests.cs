using Conferences.Core.Webhooks;

namespace Conferences.Api.Tests.Webhooks;

/// <summary>The embedded default with webhooks on and each webhook's attempt log kept to three.</summary>
public sealed class WebhookBatchingFactory : WebhookApiFactory
{
    public WebhookBatchingFactory() => Settings.Set("Webhooks:AttemptsKept", "3");
}

/// <summary>
/// The batched outbox (docs/webhooks.md, "Delivery guarantees"): deliveries written but never handed over (the
/// instance stopped between the intake's write and the send) are found in the outbox; removals and attempts written
/// per batch are not lost when a later delivery of the batch fails; the attempt log is pruned by count and age.
/// </summary>
public sealed class WebhookBatchingTests(WebhookBatchingFactory api) : IClassFixture<WebhookBatchingFactory>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private WebhookOutbox Outbox => api.Services.GetRequiredService<WebhookOutbox>();

    // the intake creates the outbox database with its first event; these tests write to it directly
    private async Task<WebhookOutbox> OutboxAsync()
    {
        await Outbox.EnsureAsync(Ct);
        return Outbox;
    }

    [Fact]
    public async Task Deliveries_written_but_never_handed_over_are_found_in_the_outbox_and_sent_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = await api.NewAccountAsync();
        var webhook = (await account.CreateWebhookAsync(Webhooks.For(receiver)))["id"]!.GetValue<string>();

        await (await OutboxAsync()).AddAllAsync([.. Enumerable.Range(1, 3).Reverse().Select(i => Delivery(webhook, account.Id, i))], Ct);

        var delivered = await receiver.AcceptedAsync(3);
        Assert.Equal([1L, 2L, 3L], delivered.Select(d => d.Sequence));
        await Eventually.MatchAsync(() => Outbox.NextAsync(webhook, 10, Ct), pending => pending.Count == 0, what: "the outbox emptied");
    }

    [Fact]
    public async Task A_failed_delivery_keeps_the_batchs_earlier_removals_and_attempts_and_the_other_webhooks_go_on()
    {
        await using var failing = await WebhookReceiver.StartAsync();
        await using var alive = await WebhookReceiver.StartAsync();
        failing.Answer = n => n <= 2 ? 200 : 503;
        var account = await api.NewAccountAsync();
        var failingId = (await account.CreateWebhookAsync(Webhooks.For(failing, new JsonObject { ["retries"] = 0 })))["id"]!.GetValue<string>();
        var aliveId = (await account.CreateWebhookAsync(Webhooks.For(alive)))["id"]!.GetValue<string>();

        await (await OutboxAsync()).AddAllAsync([.. Enumerable.Range(1, 4).SelectMany(i => new[] { Delivery(failingId, account.Id, i), Delivery(aliveId, account.Id, i) })], Ct);

        Assert.Equal([1L, 2L, 3L, 4L], (await alive.AcceptedAsync(4)).Select(d => d.Sequence));
        await Eventually.MatchAsync(() => account.GetAsync($"{Webhooks.Path}/{failingId}"), a => !a.DataObject["enabled"]!.GetValue<bool>());
        var left = await Eventually.MatchAsync(() => Outbox.NextAsync(failingId, 10, Ct), pending => pending.Count == 2);
        Assert.Equal([3L, 4L], left.Select(p => p.Delivery.Sequence));
        var attempts = (await account.GetAsync($"{Webhooks.Path}/{failingId}/attempts")).DataArray;
        Assert.Equal(["failure", "success", "success"], attempts.Select(a => a!["result"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        await Eventually.MatchAsync(() => Outbox.NextAsync(aliveId, 10, Ct), pending => pending.Count == 0, what: "the alive webhook's outbox emptied");
    }

    [Fact]
    public async Task The_attempt_log_keeps_the_newest_attempts_and_none_older_than_the_age_limit()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = await api.NewAccountAsync();
        var counted = (await account.CreateWebhookAsync(Webhooks.For(receiver)))["id"]!.GetValue<string>();
        var aged = (await account.CreateWebhookAsync(Webhooks.For(receiver, new JsonObject { ["name"] = "aged" })))["id"]!.GetValue<string>();
        var old = WebhookAttempts.Document(Delivery(aged, account.Id, 0),
            new WebhookAttemptResult(1, DateTimeOffset.UtcNow - TimeSpan.FromDays(40), 200, TimeSpan.Zero, null));
        await OutboxAsync();
        await api.Services.GetRequiredService<IDocumentStore>().SaveAsync(WebhookViews.OutboxDatabase, old, Ct);

        await (await OutboxAsync()).AddAllAsync([.. Enumerable.Range(1, 5).Select(i => Delivery(counted, account.Id, i)), Delivery(aged, account.Id, 1)], Ct);

        await receiver.AcceptedAsync(6);
        // the log is written in batches after the deliveries: wait until the last attempt is in it, not only three
        var kept = await Eventually.MatchAsync(() => account.GetAsync($"{Webhooks.Path}/{counted}/attempts"),
            a => a.DataArray.Count == 3 && a.DataArray.Any(attempt => attempt!["sequence"]!.GetValue<long>() == 5));
        // attempts sort by start time in milliseconds: the last two were certainly among the newest three
        var sequences = kept.DataArray.Select(a => a!["sequence"]!.GetValue<long>()).ToList();
        Assert.Contains(5L, sequences);
        Assert.Contains(4L, sequences);
        Assert.Equal(3, sequences.Distinct().Count());
        var young = await Eventually.MatchAsync(() => account.GetAsync($"{Webhooks.Path}/{aged}/attempts"), a => a.DataArray.Count == 1);
        Assert.Equal(1L, young.DataArray[0]!["sequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_delivery_written_with_its_body_as_an_object_by_an_earlier_version_is_sent_as_that_json()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = await api.NewAccountAsync();
        var webhook = (await account.CreateWebhookAsync(Webhooks.For(receiver)))["id"]!.GetValue<string>();
        var document = Delivery(webhook, account.Id, 1).ToDocument();
        document.Remove("body");
        document["payload"] = new JsonObject { ["event"] = "add-member", ["sequence"] = 1, ["tenant"] = "acme", ["webhook_id"] = webhook };
        await OutboxAsync();
        await api.Services.GetRequiredService<IDocumentStore>().SaveAsync(WebhookViews.OutboxDatabase, document, Ct);
        api.Services.GetRequiredService<WebhookDispatcher>().Wake(webhook);

        var delivered = Assert.Single(await receiver.AcceptedAsync(1));
        Assert.Equal($$"""{"event":"add-member","sequence":1,"tenant":"acme","webhook_id":"{{webhook}}"}""", Encoding.UTF8.GetString(delivered.Body));
    }

    // what the intake would have written for an event of sequence i: tickets sort like the sequence
    private static WebhookDelivery Delivery(string webhookId, string accountId, long sequence)
    {
        var eventId = KazooIds.NewId();
        var payload = new JsonObject { ["event"] = "add-member", ["conference_id"] = "batching", ["event_id"] = eventId, ["sequence"] = sequence, ["webhook_id"] = webhookId };
        return new WebhookDelivery(webhookId, accountId, sequence.ToString("D17", System.Globalization.CultureInfo.InvariantCulture), eventId, "add-member", "batching", sequence, payload.ToJsonString());
    }
}
