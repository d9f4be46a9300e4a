using Conferences.Core.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conferences.Infrastructure.Messaging;

/// <summary>
/// Starts the <see cref="MediaManagerDirectory"/> listening to node heartbeats with the host. The first attempt
/// is made while the host starts, so with the in-process bus the directory listens before hosted services
/// registered after it (the simulator) send their first heartbeat; while the bus is down it retries in the
/// background.
/// </summary>
public sealed partial class MediaManagerDirectoryService(
    MediaManagerDirectory directory,
    TimeProvider clock,
    ILogger<MediaManagerDirectoryService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryStartDirectoryAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!await TryStartDirectoryAsync(stoppingToken).ConfigureAwait(false))
        {
            await Task.Delay(RetryDelay, clock, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryStartDirectoryAsync(CancellationToken ct)
    {
        try
        {
            await directory.StartAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (BusUnavailableException e)
        {
            LogRetrying(e, RetryDelay.TotalSeconds);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot listen to node heartbeats yet; retrying in {Seconds} s")]
    private partial void LogRetrying(Exception exception, double seconds);
}
