namespace Conferences.Core.Webhooks;

/// <summary>
/// The delivery log (<c>…/conferences_webhooks/attempts</c> and <c>…/{id}/attempts</c>, as Kazoo's webhooks API
/// has): one document per attempt in the outbox database, written with the outbox removals by
/// <see cref="WebhookLedger"/> (ADR 0018); newest first.
/// </summary>
public sealed class WebhookAttempts(IDocumentStore store)
{
    public const int Shown = 100;

    public const string KeyField = "pvt_key";

    private static readonly string[] PublicFields =
        ["webhook_id", "timestamp", "event", "event_id", "conference_id", "sequence", "attempt", "status", "latency_ms", "error", "result"];

    /// <summary>The log document of one attempt, for the outbox database.</summary>
    public static JsonObject Document(WebhookDelivery delivery, WebhookAttemptResult attempt)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(attempt);
        var id = KazooIds.NewId();
        return new JsonObject
        {
            [KazooFields.Id] = id,
            [KazooFields.Type] = WebhookViews.AttemptType,
            [KeyField] = Key(attempt.Started.ToUnixTimeMilliseconds(), id),
            [WebhookViews.AttemptAccountField] = delivery.AccountId,
            ["webhook_id"] = delivery.WebhookId,
            ["timestamp"] = Gregorian.FromUnix(attempt.Started.ToUnixTimeSeconds()),
            ["event"] = delivery.EventName,
            ["event_id"] = delivery.EventId,
            ["conference_id"] = delivery.ConferenceId,
            ["sequence"] = delivery.Sequence,
            ["attempt"] = attempt.Attempt,
            ["status"] = attempt.Status,
            ["latency_ms"] = (long)attempt.Latency.TotalMilliseconds,
            ["error"] = attempt.Error,
            ["result"] = attempt.Succeeded ? "success" : "failure",
        };
    }

    /// <summary>The attempt key: Unix milliseconds first (fixed width), so keys sort by time.</summary>
    public static string Key(long unixMilliseconds, string id) => $"{unixMilliseconds:D15}-{id}";

    /// <summary>The account's latest attempts, or one webhook's (<paramref name="webhookId"/>).</summary>
    public async Task<ListResult> ListAsync(string accountId, string? webhookId, CancellationToken ct)
    {
        var prefix = webhookId ?? accountId;
        var query = new ViewQuery { StartKey = prefix + ";", EndKey = prefix + ":", Descending = true, Limit = Shown, IncludeDocs = true };
        var view = webhookId is null ? KazooViews.WebhookAttemptsByAccount : KazooViews.WebhookAttempts;
        var rows = await store.QueryViewAsync(WebhookViews.OutboxDatabase, view, query, ct).ConfigureAwait(false);
        var items = new JsonArray();
        foreach (var doc in rows.Select(r => r.Document).OfType<JsonObject>())
        {
            var item = new JsonObject { ["id"] = doc[KazooFields.Id]?.DeepClone() };
            foreach (var field in PublicFields)
            {
                item[field] = doc[field]?.DeepClone();
            }
            items.Add(item);
        }
        return new ListResult(items, false, null, null);
    }
}
