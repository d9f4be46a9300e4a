using Conferences.Core.Crossbar;
using Conferences.Core.Errors;
using Conferences.Core.Kazoo;
using Conferences.Core.Realtime;
using Conferences.Core.Validation;

namespace Conferences.Core.Conferences;

/// <summary>
/// Finds the conference a read is about, with profile D1's rule: the stored document (typed <c>conference</c> or
/// untyped, not soft-deleted), else — while a conference with that id runs in the account — the ad-hoc document
/// (kazoo-reference §1.4.2), else 404 <c>bad_identifier</c>. Used by GET <c>/conferences/{id}</c> and the two
/// participants GETs.
/// </summary>
public sealed class ConferenceLookup(ConferenceStore conferences, ILiveConferences live, KazooSchemaValidator validator)
{
    /// <exception cref="CrossbarException">404 <c>bad_identifier</c>: neither stored nor running.</exception>
    public async Task<LoadedConference> LoadAsync(string accountId, string conferenceId, CancellationToken ct)
    {
        var stored = await conferences.LoadAsync(accountId, conferenceId, allowUntyped: true, ct).ConfigureAwait(false);
        var running = await live.FindAsync(accountId, conferenceId, ct).ConfigureAwait(false);
        if (stored is not null)
        {
            return new LoadedConference(KazooDocument.PublicView(stored), KazooJson.GetString(stored, "_rev"), running);
        }
        return running is null
            ? throw KazooErrors.BadIdentifier(conferenceId)
            : new LoadedConference(AdHocConference.PublicView(validator, conferenceId), null, running);
    }
}
