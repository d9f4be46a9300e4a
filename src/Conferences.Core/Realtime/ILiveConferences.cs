namespace Conferences.Core.Realtime;

/// <summary>
/// Read side of the live conference state (docs/compatibility.md D7): what runs on the media servers, kept current from the
/// conference events, so reads cost no bus round trip. Each call first makes sure the account was resynchronised in
/// the current generation (at start-up, after a reconnection): the first read of an account may wait for that,
/// bounded; later reads complete synchronously. Every result is an immutable snapshot.
/// </summary>
public interface ILiveConferences
{
    /// <summary>The running conference, or null when none with that id runs in the account.</summary>
    ValueTask<LiveConference?> FindAsync(string accountId, string conferenceId, CancellationToken cancellationToken);

    /// <summary>The account's running conferences, in no particular order.</summary>
    ValueTask<IReadOnlyList<LiveConference>> RunningAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>
    /// The account's live state for several lookups in one request (a list page): the resync is awaited once here,
    /// lookups on the result never wait. By default a snapshot of <see cref="RunningAsync"/>.
    /// </summary>
    async ValueTask<LiveAccount> AccountAsync(string accountId, CancellationToken cancellationToken)
    {
        var running = (await RunningAsync(accountId, cancellationToken).ConfigureAwait(false))
            .ToDictionary(c => c.ConferenceId, StringComparer.Ordinal);
        return new LiveAccount(accountId, id => running.GetValueOrDefault(id), () => [.. running.Values]);
    }

    /// <summary>The participant with FreeSWITCH member id <paramref name="participantId"/> of the running conference, or null.</summary>
    ValueTask<LiveParticipant?> FindParticipantAsync(string accountId, string conferenceId, long participantId, CancellationToken cancellationToken);
}
