using System.Net;
using System.Net.Sockets;

namespace Conferences.Infrastructure.Webhooks;

/// <summary>
/// The webhook client's <c>ConnectCallback</c>: resolves the host itself and connects only to an address
/// <see cref="WebhookNetworks"/> allows, so a name that starts resolving to an internal address is refused at the
/// moment of the request, not just when the webhook was written.
/// </summary>
public sealed class WebhookConnector(WebhookNetworks networks)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = addresses.Where(networks.Allows).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"address refused: {host} resolves to no address a webhook may reach");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
