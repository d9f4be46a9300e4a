using Conferences.Core.Idempotency;
using Microsoft.Extensions.Hosting;

namespace Conferences.Infrastructure.Storage;

/// <summary>
/// Runs the <see cref="IdempotencySweeper"/> every <c>Idempotency:SweepInterval</c> while the host runs, so that
/// <c>Idempotency-Key</c> documents expire on their own; a store that is down is tried again at the next interval.
/// </summary>
public sealed class IdempotencySweepService(
    IdempotencySweeper sweeper,
    IOptions<IdempotencyOptions> options,
    TimeProvider clock,
    ILogger<IdempotencySweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await sweeper.SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DatastoreUnavailableException or HttpRequestException or Microsoft.Data.Sqlite.SqliteException)
            {
                logger.LogWarning(e, "Could not remove the expired idempotency keys; trying again in {Interval}", options.Value.SweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
