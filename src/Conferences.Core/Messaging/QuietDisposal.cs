namespace Conferences.Core.Messaging;

/// <summary>
/// Ends a subscription whose bus may be gone or shutting down: its queue goes with the connection anyway, so such a
/// failure is logged and not an error.
/// </summary>
internal static class QuietDisposal
{
    public static async Task DisposeAsync(IAsyncDisposable? subscription, Action<Exception> log)
    {
        if (subscription is null)
        {
            return;
        }
        try
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is BusUnavailableException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            log(e);
        }
    }
}
