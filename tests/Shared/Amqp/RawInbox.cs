namespace Conferences.Tests.Amqp;

/// <summary>
/// What a plain AMQP consumer received. A test waits for the message it expects and ignores the others: the broker
/// of the tests is shared, and other Kazoo nodes on it may publish on the same bindings.
/// </summary>
public sealed class RawInbox
{
    /// <summary>Generous, for a loaded two-core machine; a message that arrives returns at once.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly List<RawMessage> received = [];
    private readonly HashSet<RawMessage> taken = [];
    private TaskCompletionSource arrived = NewSignal();

    public string QueueName { get; internal set; } = string.Empty;

    internal void Add(RawMessage message)
    {
        TaskCompletionSource signal;
        lock (received)
        {
            received.Add(message);
            signal = arrived;
            arrived = NewSignal();
        }
        signal.TrySetResult();
    }

    /// <summary>The first message not returned before that <paramref name="match"/> accepts, waiting for it if needed.</summary>
    public async Task<RawMessage> WaitForAsync(Func<RawMessage, bool> match, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            Task next;
            lock (received)
            {
                if (received.FirstOrDefault(m => !taken.Contains(m) && match(m)) is { } found)
                {
                    taken.Add(found);
                    return found;
                }
                next = arrived.Task;
            }
            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                string seen;
                lock (received)
                {
                    seen = string.Join(", ", received.Select(m => m.RoutingKey));
                }
                throw new TimeoutException($"{what} did not reach queue {QueueName} within {Patience.TotalSeconds} s; it got: [{seen}]");
            }
        }
    }

    /// <summary>The next message not returned before, whatever it is.</summary>
    public Task<RawMessage> NextAsync() => WaitForAsync(_ => true, "a message");

    /// <summary>Watches <paramref name="window"/> long and fails on any message not returned before.</summary>
    public async Task AssertNothingAsync(TimeSpan window)
    {
        await Task.Delay(window);
        lock (received)
        {
            var unexpected = received.FirstOrDefault(m => !taken.Contains(m));
            Assert.True(unexpected is null, $"unexpected message {unexpected?.RoutingKey}");
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
