namespace Conferences.Core.Webhooks;

/// <summary>
/// Which webhooks an event of an account goes to: the account's own and those of its ancestors that include
/// subaccounts (the account's <c>pvt_tree</c>). Read from the store and kept for
/// <see cref="WebhookOptions.DirectoryLifetime"/>; a change made through this instance is seen at once.
/// </summary>
public sealed class WebhookDirectory(WebhookStore store, AccountService accounts, TimeProvider clock, IOptions<WebhookOptions> options)
{
    private readonly ConcurrentDictionary<string, (long Until, IReadOnlyList<Webhook> Hooks)> hooks = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<Webhook>> MatchingAsync(string accountId, string conferenceId, string eventName, CancellationToken ct)
    {
        var matching = new List<Webhook>();
        matching.AddRange((await HooksOfAsync(accountId, ct).ConfigureAwait(false)).Where(h => h.Matches(eventName, conferenceId)));
        foreach (var ancestor in await TreeOfAsync(accountId, ct).ConfigureAwait(false))
        {
            var inherited = await HooksOfAsync(ancestor, ct).ConfigureAwait(false);
            matching.AddRange(inherited.Where(h => h.IncludeSubaccounts && h.Matches(eventName, conferenceId)));
        }
        return matching;
    }

    /// <summary>The account's webhooks changed: read them again on the next event.</summary>
    public void Forget(string accountId) => hooks.TryRemove(accountId, out _);

    private async Task<IReadOnlyList<Webhook>> HooksOfAsync(string accountId, CancellationToken ct)
    {
        var now = clock.GetTimestamp();
        if (hooks.TryGetValue(accountId, out var cached) && cached.Until > now)
        {
            return cached.Hooks;
        }
        var rows = await store.ListAsync(accountId, withDocs: true, ct).ConfigureAwait(false);
        IReadOnlyList<Webhook> read = [.. rows.Select(r => r.Document is null ? null : Webhook.From(r.Document)).OfType<Webhook>()];
        hooks[accountId] = (now + Lifetime, read);
        return read;
    }

    // AccountService keeps account documents for a few seconds itself
    private async Task<IReadOnlyList<string>> TreeOfAsync(string accountId, CancellationToken ct) =>
        await accounts.FindAsync(accountId, ct).ConfigureAwait(false) is { } account
            ? [.. AccountDocument.Tree(account).Where(a => a != accountId && KazooIds.HasAccountIdShape(a))]
            : [];

    private long Lifetime => (long)(options.Value.DirectoryLifetime.TotalSeconds * clock.TimestampFrequency);
}
