using System.Diagnostics;

namespace Conferences.Core.Realtime;

/// <summary>Resyncs by discovery searches (docs/architecture.md, "Live conference state"); the events replay over the
/// answer.</summary>
public sealed partial class LiveConferenceSync(
    LiveConferenceState state,
    MediaManagerDiscovery discovery,
    TimeProvider clock,
    ILogger<LiveConferenceSync> logger)
{
    // How many conference searches one account resync runs at once.
    private const int ConferenceSearches = 8;

    private static readonly KapiSender Sender = KapiSender.Crossbar($"crossbar@{Environment.MachineName}");

    /// <returns>Nothing published, every manager answered, or some stayed silent (nothing removed).</returns>
    /// <exception cref="BusUnavailableException">the search could not be published.</exception>
    public async Task<AccountSyncResult> SyncAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        using var activity = ConferencesTelemetry.Source.StartActivity("resync account");
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await SearchAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
            outcome = result switch
            {
                AccountSyncResult.Complete => "complete",
                AccountSyncResult.Partial => "partial",
                _ => "nobody_to_ask",
            };
            return result;
        }
        finally
        {
            RecordResync("account", outcome, started);
        }
    }

    /// <returns>whether the answer was certain and the conference was replaced (or removed).</returns>
    /// <exception cref="BusUnavailableException">the search could not be published.</exception>
    public async Task<bool> SyncConferenceAsync(string accountId, string conferenceId, CancellationToken cancellationToken)
    {
        using var activity = ConferencesTelemetry.Source.StartActivity("resync conference");
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var certain = await SearchConferenceAsync(accountId, conferenceId, cancellationToken).ConfigureAwait(false);
            outcome = certain ? "complete" : "uncertain";
            return certain;
        }
        finally
        {
            RecordResync("conference", outcome, started);
        }
    }

    private static void RecordResync(string scope, string outcome, long started)
    {
        var tags = new TagList { { "conferences.resync.scope", scope }, { "conferences.resync.outcome", outcome } };
        ConferencesMetrics.Resyncs.Add(1, tags);
        ConferencesMetrics.ResyncDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }

    private async Task<AccountSyncResult> SearchAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        var window = state.OpenWindow(accountId, conferenceId: null);
        try
        {
            var found = await discovery.SearchAsync(Search(KapiHeaders.AccountId, accountId), cancellationToken).ConfigureAwait(false);
            if (found.Replies.Count == 0)
            {
                state.CloseWindow(window);
                LogNobodyAnswered(accountId, found.TimedOut);
                return found.TimedOut ? AccountSyncResult.Partial : AccountSyncResult.NobodyToAsk;
            }
            var complete = !found.TimedOut;
            var running = new ConcurrentBag<LiveConference>();
            var ids = LiveSearchResults.AccountConferenceIds(found.Replies);
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = ConferenceSearches, CancellationToken = cancellationToken },
                async (conferenceId, ct) =>
                {
                    var conference = await discovery.SearchAsync(Search(KapiKeys.ConferenceId, conferenceId), ct).ConfigureAwait(false);
                    if (LiveSearchResults.Conference(conference.Replies, accountId, conferenceId, Gregorian.Now(clock)) is { } live)
                    {
                        running.Add(live);
                    }
                    else if (conference.TimedOut)
                    {
                        complete = false;
                    }
                }).ConfigureAwait(false);
            state.ReplaceAccount(window, [.. running], complete);
            LogAccountSynced(accountId, running.Count, complete);
            return complete ? AccountSyncResult.Complete : AccountSyncResult.Partial;
        }
        catch
        {
            state.CloseWindow(window);
            throw;
        }
    }

    private async Task<bool> SearchConferenceAsync(string accountId, string conferenceId, CancellationToken cancellationToken)
    {
        var window = state.OpenWindow(accountId, conferenceId);
        try
        {
            var found = await discovery.SearchAsync(Search(KapiKeys.ConferenceId, conferenceId), cancellationToken).ConfigureAwait(false);
            var conference = LiveSearchResults.Conference(found.Replies, accountId, conferenceId, Gregorian.Now(clock));
            if (conference is null && (found.TimedOut || found.Replies.Count == 0))
            {
                state.CloseWindow(window);
                LogConferenceUncertain(accountId, conferenceId);
                return false;
            }
            state.ReplaceConference(window, conference);
            LogConferenceSynced(accountId, conferenceId, conference?.ParticipantCount ?? -1);
            return true;
        }
        catch
        {
            state.CloseWindow(window);
            throw;
        }
    }

    // Exactly one of Account-ID / Conference-ID, as crossbar sends (kapi_conference:search_req/1).
    private static JsonObject Search(string key, string value) =>
        KapiMessage.Build(KapiConference.SearchReq, new JsonObject { [key] = value }, Sender);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Account {AccountId} resynchronised: {Running} running conferences (complete: {Complete})")]
    private partial void LogAccountSynced(string accountId, int running, bool complete);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Account {AccountId} search: no media manager answered (timed out: {TimedOut})")]
    private partial void LogNobodyAnswered(string accountId, bool timedOut);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Conference {AccountId}/{ConferenceId} resynchronised: {Participants} participants (-1: not running)")]
    private partial void LogConferenceSynced(string accountId, string conferenceId, int participants);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Conference {AccountId}/{ConferenceId} search proved nothing; the state stays as the events made it")]
    private partial void LogConferenceUncertain(string accountId, string conferenceId);
}
