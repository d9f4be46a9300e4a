namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>The conference webhook views (docs/webhooks.md): the same rows from CouchDB's JavaScript and the C# twins.</summary>
public abstract class WebhookViewsContract(IStoreSource source) : DocumentStoreContract(source)
{
    [Fact]
    public async Task Webhook_listing_and_attempt_views_emit_their_keys()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var ids = SortedIds(4); // ids[3]: the account of the attempt
        await store.SaveAsync(db, Json($$"""
            {"_id":"{{ids[0]}}","pvt_type":"conference_webhook","name":"CRM","uri":"http://203.0.113.10/","enabled":true,
             "events":["all"],"pvt_secret":"whsec_x","retries":2}
            """), Ct);
        await store.SaveAsync(db, Json($$"""{"_id":"{{ids[1]}}","pvt_type":"conference_webhook","name":"Gone","pvt_deleted":true}"""), Ct);
        await store.EnsureDatabaseAsync(WebhookViews.OutboxDatabase, Ct);
        await store.SaveAsync(WebhookViews.OutboxDatabase, Json($$"""
            {"_id":"{{ids[2]}}","pvt_type":"conference_webhook_attempt","webhook_id":"{{ids[0]}}","pvt_account_id":"{{ids[3]}}",
             "pvt_key":"000001700000000000-a"}
            """), Ct);

        var listing = await store.QueryViewAsync(db, KazooViews.WebhookListing, new ViewQuery(), Ct);
        var byWebhook = await store.QueryViewAsync(WebhookViews.OutboxDatabase, KazooViews.WebhookAttempts,
            new ViewQuery { StartKey = ids[0] + ":", EndKey = ids[0] + ";" }, Ct);
        var byAccount = await store.QueryViewAsync(WebhookViews.OutboxDatabase, KazooViews.WebhookAttemptsByAccount,
            new ViewQuery { StartKey = ids[3] + ":", EndKey = ids[3] + ";" }, Ct);

        var row = Assert.Single(listing);
        AssertJsonEqual(Json($$"""{"id":"{{ids[0]}}","name":"CRM","uri":"http://203.0.113.10/","enabled":true,"events":["all"]}"""), row.Value);
        Assert.Equal($"{ids[0]}:000001700000000000-a", Assert.Single(byWebhook).Key);
        Assert.Equal($"{ids[3]}:000001700000000000-a", Assert.Single(byAccount).Key);
    }

    [Fact]
    public async Task Pending_deliveries_sort_by_webhook_then_ticket_and_leave_when_removed()
    {
        var store = await CreateStoreAsync();
        await store.EnsureDatabaseAsync(WebhookViews.OutboxDatabase, Ct);
        var webhooks = SortedIds(2);
        var revisions = new Dictionary<string, string>();
        foreach (var (webhook, ticket) in new[] { (webhooks[1], "2"), (webhooks[0], "3"), (webhooks[0], "1"), (webhooks[1], "1") })
        {
            var id = $"{webhook}-{ticket}";
            revisions[id] = await store.SaveAsync(WebhookViews.OutboxDatabase, Json($$"""
                {"_id":"{{id}}","pvt_type":"conference_webhook_delivery","webhook_id":"{{webhook}}","payload":{ },"ticket":"{{ticket}}"}
                """), Ct);
        }

        var first = await store.QueryViewAsync(WebhookViews.OutboxDatabase, KazooViews.WebhookPending,
            new ViewQuery { StartKey = webhooks[0] + ":", EndKey = webhooks[0] + ";" }, Ct);
        await store.DeleteAsync(WebhookViews.OutboxDatabase, $"{webhooks[1]}-1", revisions[$"{webhooks[1]}-1"], Ct);
        var second = await store.QueryViewAsync(WebhookViews.OutboxDatabase, KazooViews.WebhookPending,
            new ViewQuery { StartKey = webhooks[1] + ":", EndKey = webhooks[1] + ";", IncludeDocs = true }, Ct);

        Assert.Equal([$"{webhooks[0]}:1", $"{webhooks[0]}:3"], first.Select(r => r.Key));
        Assert.Equal([$"{webhooks[1]}:2"], second.Select(r => r.Key));
        Assert.Equal("2", KazooJson.GetString(Assert.Single(second).Document!, "ticket"));
    }
}
