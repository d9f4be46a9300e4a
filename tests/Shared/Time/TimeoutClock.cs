using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Conferences.Tests.Time;

/// <summary>
/// The clock of a timeout under test. Its timers run on real time until <see cref="Hold"/>; after that they fire only
/// when the test moves the held time on, so a test that expects a timeout never waits for it, while a test that
/// expects no timeout keeps a long real one that a slow machine only makes slower.
/// </summary>
public sealed class TimeoutClock : TimeProvider
{
    /// <summary>How long a broken timeout may keep a test waiting for its timer before the test fails.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider held = new();
    private readonly Channel<TimeSpan> started = Channel.CreateUnbounded<TimeSpan>();
    private readonly DateTimeOffset heldStart;
    private volatile bool holding;

    public TimeoutClock() => heldStart = held.GetUtcNow();

    /// <summary>How far the test has moved the held time.</summary>
    public TimeSpan Moved => held.GetUtcNow() - heldStart;

    /// <summary>Timers made from now on wait for <see cref="Advance"/>; those already running stay on real time.</summary>
    public void Hold() => holding = true;

    /// <summary>Moves the held time on, firing the held timers that fall due.</summary>
    public void Advance(TimeSpan by) => held.Advance(by);

    /// <summary>The due time of the next held timer, once it is made (a wait has begun).</summary>
    public async Task<TimeSpan> TimerStartedAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            return await started.Reader.ReadAsync(patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            throw new TimeoutException($"no timeout was started on the held clock within {Patience.TotalSeconds} s");
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (!holding)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }
        var timer = held.CreateTimer(callback, state, dueTime, period);
        started.Writer.TryWrite(dueTime);
        return timer;
    }
}
