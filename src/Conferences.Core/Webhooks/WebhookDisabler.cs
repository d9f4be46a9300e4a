namespace Conferences.Core.Webhooks;

/// <summary>
/// Turns a failing webhook off, as Kazoo's webhooks app disables hooks that keep failing: <c>enabled</c> false and
/// the reason and time on the document (shown in its <c>_read_only</c>); enabling it again clears them.
/// </summary>
public sealed class WebhookDisabler(WebhookStore store, WebhookDirectory directory, TimeProvider clock)
{
    private const int Attempts = 4;

    public async Task DisableAsync(string accountId, string webhookId, string reason, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var doc = await store.LoadAsync(accountId, webhookId, ct).ConfigureAwait(false);
            if (doc is null)
            {
                return;
            }
            doc["enabled"] = false;
            doc[WebhookStore.DisabledReasonField] = reason;
            doc[WebhookStore.DisabledAtField] = Gregorian.Now(clock);
            doc[KazooFields.Modified] = Gregorian.Now(clock);
            try
            {
                await store.SaveAsync(accountId, doc, ct).ConfigureAwait(false);
                directory.Forget(accountId);
                return;
            }
            catch (DocumentConflictException) when (attempt < Attempts)
            {
                // changed meanwhile (an edit through the API): read it again
            }
        }
    }
}
