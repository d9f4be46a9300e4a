namespace Conferences.Core.Actions.Applied;

/// <summary>
/// <c>wait=applied</c> (docs/compatibility.md, "Actions a script can trust"): hands every event the live state
/// applies (<see cref="LiveConferenceState.Applied"/>) to the watches of its conference. Confirmation is the live
/// state having taken the event in, so a GET after the answer shows the change.
/// </summary>
public sealed class AppliedWaiter
{
    private readonly ConcurrentDictionary<(string Account, string Conference), ImmutableWatches> watches = new();

    public AppliedWaiter(LiveConferenceState state, IOptions<AppliedWaitOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Applied += Offer;
        Options = options.Value;
        Clock = clock;
    }

    public AppliedWaitOptions Options { get; }

    public TimeProvider Clock { get; }

    /// <summary>Starts watching a conference's events; dispose the watch when done with it.</summary>
    public AppliedWatch Watch(string accountId, string conferenceId, IEnumerable<AppliedExpectation> expected)
    {
        var key = (accountId, conferenceId);
        var watch = new AppliedWatch(accountId, conferenceId, w => Release(key, w));
        watches.AddOrUpdate(key, _ => ImmutableWatches.Empty.With(watch), (_, list) => list.With(watch));
        watch.Expect(expected);
        return watch;
    }

    /// <summary>The outcome of <paramref name="watch"/> within the configured timeout.</summary>
    public Task<AppliedOutcome> WaitAsync(AppliedWatch watch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(watch);
        return watch.WaitAsync(Options.AppliedTimeout, Clock, ct);
    }

    private void Release((string, string) key, AppliedWatch watch)
    {
        while (watches.TryGetValue(key, out var list))
        {
            var rest = list.Without(watch);
            var replaced = rest.Items.Length == 0
                ? watches.TryRemove(KeyValuePair.Create(key, list))
                : watches.TryUpdate(key, rest, list);
            if (replaced)
            {
                return;
            }
        }
    }

    private void Offer(LiveEvent e)
    {
        if (watches.TryGetValue((e.AccountId, e.ConferenceId), out var list))
        {
            foreach (var watch in list.Items)
            {
                watch.Offer(e);
            }
        }
    }

    private sealed record ImmutableWatches(AppliedWatch[] Items)
    {
        public static readonly ImmutableWatches Empty = new([]);

        public ImmutableWatches With(AppliedWatch watch) => new([.. Items, watch]);

        public ImmutableWatches Without(AppliedWatch watch) => new([.. Items.Where(w => !ReferenceEquals(w, watch))]);
    }
}
