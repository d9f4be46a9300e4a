using System.Net;
using System.Net.Sockets;
using Conferences.Core.Webhooks;

namespace Conferences.Infrastructure.Webhooks;

/// <summary>
/// The addresses a webhook must not reach unless <see cref="WebhookOptions.AllowedNetworks"/> names them: loopback,
/// private (RFC 1918, RFC 4193), shared (RFC 6598), link-local (RFC 3927, RFC 4291, with the cloud metadata address
/// 169.254.169.254), unspecified and multicast ones.
/// </summary>
public sealed class WebhookNetworks
{
    private static readonly IPNetwork[] Refused =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private readonly IPNetwork[] allowed;

    public WebhookNetworks(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        allowed = [.. options.Value.AllowedNetworks.Select(IPNetwork.Parse)];
    }

    /// <summary>Whether a webhook may connect to <paramref name="address"/>.</summary>
    public bool Allows(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (plain.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return false;
        }
        return allowed.Any(n => n.Contains(plain)) || !Refused.Any(n => n.Contains(plain));
    }
}
