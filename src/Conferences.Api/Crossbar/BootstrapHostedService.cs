using Conferences.Core.Storage;

namespace Conferences.Api.Crossbar;

/// <summary>Runs the account bootstrap before requests are taken, waiting up to <see cref="Patience"/> for the
/// store.</summary>
public sealed partial class BootstrapHostedService(
    AccountBootstrapper bootstrapper,
    TimeProvider clock,
    ILogger<BootstrapHostedService> logger) : IHostedService
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var giveUp = clock.GetUtcNow() + Patience;
        while (true)
        {
            try
            {
                await bootstrapper.RunAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DatastoreUnavailableException e) when (clock.GetUtcNow() < giveUp)
            {
                LogWaiting(logger, e.Message);
                await Task.Delay(RetryDelay, clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for the store before the first start: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string reason);
}
