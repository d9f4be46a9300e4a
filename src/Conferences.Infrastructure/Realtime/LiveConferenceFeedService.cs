using Conferences.Core.Messaging;
using Conferences.Core.Realtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conferences.Infrastructure.Realtime;

/// <summary>
/// Runs the <see cref="LiveConferenceFeed"/> with the host (profile D7). The first attempt to subscribe is made while
/// the host starts, so with the in-process bus the feed hears the first event the built-in simulator publishes;
/// while the bus is down it retries in the background. Stopping ends the subscription and the resyncs.
/// </summary>
public sealed partial class LiveConferenceFeedService(
    LiveConferenceFeed feed,
    TimeProvider clock,
    ILogger<LiveConferenceFeedService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryStartFeedAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await feed.DisposeAsync().ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!await TryStartFeedAsync(stoppingToken).ConfigureAwait(false))
        {
            await Task.Delay(RetryDelay, clock, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryStartFeedAsync(CancellationToken ct)
    {
        try
        {
            await feed.StartAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (BusUnavailableException e)
        {
            LogRetrying(e, RetryDelay.TotalSeconds);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot follow the conference events yet; retrying in {Seconds} s")]
    private partial void LogRetrying(Exception exception, double seconds);
}
