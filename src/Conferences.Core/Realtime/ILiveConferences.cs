namespace Conferences.Core.Realtime;

/// <summary>Read side of the live state (D7); the first read of an account in a generation may wait, bounded, for its
/// resync.</summary>
public interface ILiveConferences
{
    ValueTask<LiveConference?> FindAsync(string accountId, string conferenceId, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<LiveConference>> RunningAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>For several lookups in one request: the resync is awaited once here.</summary>
    async ValueTask<LiveAccount> AccountAsync(string accountId, CancellationToken cancellationToken)
    {
        var running = (await RunningAsync(accountId, cancellationToken).ConfigureAwait(false))
            .ToDictionary(c => c.ConferenceId, StringComparer.Ordinal);
        return new LiveAccount(accountId, id => running.GetValueOrDefault(id), () => [.. running.Values]);
    }

    /// <summary>The participant with FreeSWITCH member id <paramref name="participantId"/> of the running conference, or null.</summary>
    ValueTask<LiveParticipant?> FindParticipantAsync(string accountId, string conferenceId, long participantId, CancellationToken cancellationToken);
}
