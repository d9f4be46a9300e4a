using Conferences.Core.Webhooks;
using Conferences.Infrastructure.Messaging;

namespace Conferences.Infrastructure.Webhooks;

/// <summary>Subscribes the <see cref="WebhookIntake"/> to its durable queue with the host (again while the bus is down), in
/// batches: what waits is written in one bulk write and acknowledged after it.</summary>
public sealed class WebhookIntakeService(
    WebhookIntake intake,
    IKapiBatchSubscriber subscriber,
    TimeProvider clock,
    ILogger<WebhookIntakeService> logger) : BusListenerService(clock, logger)
{
    private IKapiSubscription? subscription;

    protected override string Activity => "take conference events in for webhooks";

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (Interlocked.Exchange(ref subscription, null) is { } running)
        {
            await running.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected override async Task StartListeningAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref subscription) is not null)
        {
            return;
        }
        var created = await subscriber.SubscribeBatchAsync(intake.Queue, intake.BatchSize, intake.HandleBatchAsync, cancellationToken).ConfigureAwait(false);
        if (Interlocked.CompareExchange(ref subscription, created, null) is not null)
        {
            await created.DisposeAsync().ConfigureAwait(false);
        }
    }
}
