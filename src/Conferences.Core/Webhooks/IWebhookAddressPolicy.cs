namespace Conferences.Core.Webhooks;

/// <summary>
/// The port that decides whether a webhook may be sent to a URI's host: a name that resolves to a loopback, private,
/// link-local or metadata address is refused unless the configuration allows that network (docs/webhooks.md, "Safety").
/// </summary>
public interface IWebhookAddressPolicy
{
    /// <returns>null when the host may be contacted, else why not (shown in the validation error).</returns>
    Task<string?> RefusalAsync(Uri uri, CancellationToken cancellationToken);
}
