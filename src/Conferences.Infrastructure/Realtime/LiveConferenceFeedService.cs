using Conferences.Core.Realtime;
using Conferences.Infrastructure.Messaging;

namespace Conferences.Infrastructure.Realtime;

/// <summary>Runs the <see cref="LiveConferenceFeed"/> for the host's lifetime (D7), retrying while the bus is
/// down.</summary>
public sealed class LiveConferenceFeedService(
    LiveConferenceFeed feed,
    TimeProvider clock,
    ILogger<LiveConferenceFeedService> logger) : BusListenerService(clock, logger)
{
    protected override string Activity => "follow the conference events";

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await feed.DisposeAsync().ConfigureAwait(false);
    }

    protected override Task StartListeningAsync(CancellationToken cancellationToken) => feed.StartAsync(cancellationToken);
}
