using Microsoft.Extensions.Hosting;

namespace Conferences.Infrastructure.Messaging;

/// <summary>
/// Starts a bus listener with the host: once while the host starts, so that with the in-process bus it hears the first
/// message of the hosted services registered after it (the simulator); while the bus is down, again in the background.
/// </summary>
public abstract partial class BusListenerService(TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>What the listener does, for the retry log line ("listen to node heartbeats").</summary>
    protected abstract string Activity { get; }

    /// <summary>Subscribes the listener; throws <see cref="BusUnavailableException"/> while the bus is down.</summary>
    protected abstract Task StartListeningAsync(CancellationToken cancellationToken);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryStartListeningAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!await TryStartListeningAsync(stoppingToken).ConfigureAwait(false))
        {
            await Task.Delay(RetryDelay, clock, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryStartListeningAsync(CancellationToken ct)
    {
        try
        {
            await StartListeningAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (BusUnavailableException e)
        {
            LogRetrying(e, Activity, RetryDelay.TotalSeconds);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot {Activity} yet; retrying in {Seconds} s")]
    private partial void LogRetrying(Exception exception, string activity, double seconds);
}
