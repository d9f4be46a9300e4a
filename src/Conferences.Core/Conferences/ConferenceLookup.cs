namespace Conferences.Core.Conferences;

/// <summary>The one way to find a conference: the stored document, else the running ad-hoc one
/// (<see cref="AdHocConference"/>).</summary>
public sealed class ConferenceLookup(ConferenceStore conferences, ILiveConferences live, KazooSchemaValidator validator)
{
    /// <summary>An ad-hoc conference only while it runs (docs/compatibility.md D1, D2); <paramref name="requestData"/> is
    /// merged over it, as Kazoo's actions do.</summary>
    /// <exception cref="CrossbarException">404 <c>bad_identifier</c>: neither stored nor running.</exception>
    public async Task<LoadedConference> LoadAsync(string accountId, string conferenceId, JsonObject? requestData, CancellationToken ct)
    {
        var stored = await conferences.LoadAsync(accountId, conferenceId, allowUntyped: true, ct).ConfigureAwait(false);
        var running = await live.FindAsync(accountId, conferenceId, ct).ConfigureAwait(false);
        if (stored is not null)
        {
            return Stored(stored, running);
        }
        return running is null
            ? throw KazooErrors.BadIdentifier(conferenceId)
            : new LoadedConference(AdHocConference.Build(validator, conferenceId, requestData), null, running);
    }

    public Task<LoadedConference> LoadAsync(string accountId, string conferenceId, CancellationToken ct) =>
        LoadAsync(accountId, conferenceId, requestData: null, ct);

    /// <summary>Dial (<c>cb_conferences:maybe_load_conference/2</c>): any id works; the live state is not
    /// consulted.</summary>
    public async Task<LoadedConference> LoadOrAdHocAsync(string accountId, string conferenceId, JsonObject requestData, CancellationToken ct)
    {
        var stored = await conferences.LoadAsync(accountId, conferenceId, allowUntyped: true, ct).ConfigureAwait(false);
        return stored is not null
            ? Stored(stored, running: null)
            : new LoadedConference(AdHocConference.Build(validator, conferenceId, requestData), null, null);
    }

    private static LoadedConference Stored(JsonObject stored, LiveConference? running) =>
        new(stored, KazooJson.GetString(stored, KazooFields.Rev), running);
}
