namespace Conferences.Infrastructure.Messaging;

/// <summary>Runs a <typeparamref name="TListener"/> for the host's lifetime and ends it when the host stops: one hosted
/// service for every listener that needs nothing more.</summary>
public sealed class BusListenerHost<TListener>(TListener listener, TimeProvider clock, ILogger<TListener> logger)
    : BusListenerService(clock, logger)
    where TListener : IBusListener
{
    protected override string Activity => TListener.Activity;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await listener.DisposeAsync().ConfigureAwait(false);
    }

    protected override Task StartListeningAsync(CancellationToken cancellationToken) => listener.StartAsync(cancellationToken);
}
