namespace Conferences.Core.Actions.Applied;

/// <summary>
/// The confirmations one action waits for, in one conference: made before its commands are published (an event may
/// arrive before the bus confirms the publication), fed every event the live state applies for that conference.
/// Events that confirm nothing yet are remembered, so that an expectation added late (a dial learns its call ids from
/// the answer) is met by an event that came first.
/// </summary>
public sealed class AppliedWatch : IDisposable
{
    private readonly Lock gate = new();
    private readonly List<(AppliedExpectation Expected, LiveEvent? By)> expectations = [];
    private readonly List<LiveEvent> unmatched = [];
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<AppliedWatch> release;
    private bool waiting;

    internal AppliedWatch(string accountId, string conferenceId, Action<AppliedWatch> release)
    {
        AccountId = accountId;
        ConferenceId = conferenceId;
        this.release = release;
    }

    public string AccountId { get; }

    public string ConferenceId { get; }

    /// <summary>Adds what must be seen; an event already offered may meet it at once.</summary>
    public void Expect(IEnumerable<AppliedExpectation> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        lock (gate)
        {
            foreach (var expectation in expected)
            {
                var earlier = unmatched.FindIndex(expectation.IsMetBy);
                expectations.Add((expectation, earlier < 0 ? null : unmatched[earlier]));
                if (earlier >= 0)
                {
                    unmatched.RemoveAt(earlier);
                }
            }
            CompleteIfMet();
        }
    }

    /// <summary>Waits until every expectation is met or <paramref name="timeout"/> passes; never throws for a timeout.</summary>
    public async Task<AppliedOutcome> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        lock (gate)
        {
            waiting = true;
            CompleteIfMet();
        }
        try
        {
            await done.Task.WaitAsync(timeout, clock, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // the outcome says which targets were not confirmed in time
        }
        lock (gate)
        {
            return new AppliedOutcome(
                [.. expectations.Where(e => e.By is not null).Select(e => e.Expected.ToJson(e.By))],
                [.. expectations.Where(e => e.By is null).Select(e => e.Expected.ToJson())]);
        }
    }

    public void Dispose() => release(this);

    internal void Offer(LiveEvent e)
    {
        lock (gate)
        {
            var index = expectations.FindIndex(x => x.By is null && x.Expected.IsMetBy(e));
            if (index < 0)
            {
                if (unmatched.Count < 1_000)
                {
                    unmatched.Add(e);
                }
                return;
            }
            expectations[index] = (expectations[index].Expected, e);
            CompleteIfMet();
        }
    }

    // until the wait begins more may be expected: a dial's watch starts empty and learns its legs from the answer
    private void CompleteIfMet()
    {
        if (waiting && expectations.TrueForAll(e => e.By is not null))
        {
            done.TrySetResult();
        }
    }
}
