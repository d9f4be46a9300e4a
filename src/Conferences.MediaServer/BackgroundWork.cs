using System.Collections.Concurrent;

namespace Conferences.MediaServer;

// Work that outlives its delivery (a ringing dial), cancelled and awaited when the simulator stops; state changes
// publish with its token, so a consumer ending never cancels events half published.
internal sealed partial class BackgroundWork(ILogger<BackgroundWork> logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, byte> running = new();

    public CancellationToken Stopping => stopping.Token;

    public void Run(string description, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var task = Task.Run(async () =>
        {
            try
            {
                await work(stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                LogCancelled(description);
            }
            catch (Exception e) // the simulator goes on, as ecallmgr goes on when one of its workers crashes
            {
                LogFailed(e, description);
            }
        });
        running.TryAdd(task, 0);
        _ = task.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public async Task StopAsync()
    {
        if (!stopping.IsCancellationRequested)
        {
            await stopping.CancelAsync().ConfigureAwait(false);
        }
        await Task.WhenAll(running.Keys).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Work} cancelled: the simulator is stopping")]
    private partial void LogCancelled(string work);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} failed")]
    private partial void LogFailed(Exception exception, string work);
}
