namespace Conferences.Core.Realtime;

// Background resync searches, so stopping cancels and awaits them.
internal sealed class ResyncTasks
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, byte> running = new();

    public CancellationToken Stopping => stopping.Token;

    public bool IsStopping => stopping.IsCancellationRequested;

    public void Track(Task task)
    {
        running.TryAdd(task, 0);
        task.ContinueWith(static (done, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(done, out _),
            running, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    // False when stopping had begun already.
    public async Task<bool> StopAsync()
    {
        lock (gate)
        {
            if (stopping.IsCancellationRequested)
            {
                return false;
            }
            stopping.Cancel();
        }
        // the token source stays undisposed: a late reader may still look at it
        await Task.WhenAll(running.Keys).ConfigureAwait(false);
        return true;
    }
}
