using Conferences.Core.Dial;
using Conferences.Core.Messaging;

namespace Conferences.Api.Crossbar;

/// <summary>Advertises this instance as a crossbar node of the dial zone (<c>kz_nodes</c>):
/// <c>ecallmgr_fs_conferences_shared</c> starts a dial's conference only from a node it knows.</summary>
public sealed class CrossbarNodeService(NodeAdvertiser advertiser, IOptions<DialOptions> dial) : BackgroundService
{
    public const string CrossbarApp = "crossbar";

    // kazoo nodes beat every 5–15 s; this one advertises 10 s and beats every 5 s
    private static readonly TimeSpan Expires = TimeSpan.FromSeconds(10);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        advertiser.RunAsync(new NodeAdvertisement(dial.Value.SenderNode, Expires, [CrossbarApp], dial.Value.Zone), stoppingToken);
}
