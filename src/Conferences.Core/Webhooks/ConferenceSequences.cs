namespace Conferences.Core.Webhooks;

/// <summary>
/// The per-conference <c>sequence</c> of webhook deliveries: strictly increasing for each account and conference,
/// across restarts and instances. Numbers are reserved from the store in blocks, so a restart or a change of the
/// consuming instance may skip numbers but never repeats or reorders one (docs/webhooks.md).
/// </summary>
public sealed class ConferenceSequences(IDocumentStore store)
{
    private const int Block = 100;
    private const int Attempts = 5;

    private readonly Dictionary<string, (long Next, long Limit)> reserved = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<long> NextAsync(string accountId, string conferenceId, CancellationToken ct)
    {
        var key = $"{accountId}/{conferenceId}";
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!reserved.TryGetValue(key, out var range) || range.Next >= range.Limit)
            {
                var start = await ReserveAsync(key, ct).ConfigureAwait(false);
                range = (start, start + Block);
            }
            reserved[key] = (range.Next + 1, range.Limit);
            return range.Next;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The conference ended: its numbers need not stay in memory (the store keeps where they stopped).</summary>
    public void Forget(string accountId, string conferenceId)
    {
        gate.Wait();
        try
        {
            reserved.Remove($"{accountId}/{conferenceId}");
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<long> ReserveAsync(string key, CancellationToken ct)
    {
        var id = "sequence-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        for (var attempt = 1; ; attempt++)
        {
            var doc = await store.GetAsync(WebhookViews.OutboxDatabase, id, ct).ConfigureAwait(false) ?? new JsonObject { [KazooFields.Id] = id };
            var start = KazooJson.GetLong(doc, "next") ?? 1;
            doc["next"] = start + Block;
            doc[KazooFields.Type] = "conference_webhook_sequence";
            try
            {
                await store.SaveAsync(WebhookViews.OutboxDatabase, doc, ct).ConfigureAwait(false);
                return start;
            }
            catch (DocumentConflictException) when (attempt < Attempts)
            {
                // another instance reserved meanwhile: read again
            }
        }
    }
}
