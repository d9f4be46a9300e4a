namespace Conferences.Core.Messaging;

// The queue goes with the connection anyway, so a failed disposal is logged, not an error.
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
