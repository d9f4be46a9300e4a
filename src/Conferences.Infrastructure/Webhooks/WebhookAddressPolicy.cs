using System.Net;
using System.Net.Sockets;
using Conferences.Core.Webhooks;

namespace Conferences.Infrastructure.Webhooks;

/// <summary>
/// Checks a webhook URI's host when the webhook is written: every address the name resolves to must be allowed
/// (<see cref="WebhookNetworks"/>). The sender checks again when it connects (<see cref="WebhookConnector"/>), since a
/// name may resolve elsewhere later.
/// </summary>
public sealed class WebhookAddressPolicy(WebhookNetworks networks) : IWebhookAddressPolicy
{
    public async Task<string?> RefusalAsync(Uri uri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            return $"the host {uri.Host} cannot be resolved: {e.SocketErrorCode}";
        }
        if (addresses.Length == 0)
        {
            return $"the host {uri.Host} cannot be resolved";
        }
        var refused = addresses.FirstOrDefault(a => !networks.Allows(a));
        return refused is null
            ? null
            : $"the host {uri.Host} resolves to {refused}, a loopback, private, link-local or metadata address that Webhooks:AllowedNetworks does not allow";
    }
}
