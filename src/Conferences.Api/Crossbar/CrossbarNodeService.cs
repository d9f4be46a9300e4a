using Conferences.Core.Dial;
using Conferences.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Conferences.Api.Crossbar;

/// <summary>
/// Advertises this API instance on Kazoo's <c>nodes</c> exchange as a <c>crossbar</c> node of the dial zone, as
/// every Kazoo node does (kazoo-reference §5.1, <c>kz_nodes</c>). ecallmgr starts a new conference for a dial only
/// when it knows the requesting node and its zone (<c>ecallmgr_fs_conferences_shared</c> looks the requester up in
/// its node table), so without the heartbeat a dial into a conference that is not running yet would time out against
/// a real Kazoo media manager. The node is not a media manager: searches do not wait for it.
/// </summary>
public sealed class CrossbarNodeService(NodeAdvertiser advertiser, IOptions<DialOptions> dial) : BackgroundService
{
    public const string CrossbarApp = "crossbar";

    /// <summary>Kazoo nodes beat every 5–15 s; this one advertises 10 s and beats every 5 s.</summary>
    private static readonly TimeSpan Expires = TimeSpan.FromSeconds(10);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        advertiser.RunAsync(new NodeAdvertisement(dial.Value.SenderNode, Expires, [CrossbarApp], dial.Value.Zone), stoppingToken);
}
