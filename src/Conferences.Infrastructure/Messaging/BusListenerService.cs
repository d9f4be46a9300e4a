using Microsoft.Extensions.Hosting;

namespace Conferences.Infrastructure.Messaging;

/// <summary>Started once while the host starts (so the in-process bus hears the simulator's first message), then
/// retried while the bus is down.</summary>
public abstract partial class BusListenerService(TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected abstract string Activity { get; }

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
