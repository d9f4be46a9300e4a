using System.Text.Json;
using System.Text.Json.Nodes;
using Conferences.Core.Conferences;
using Conferences.Core.Crossbar;
using Conferences.Core.Dial;
using Conferences.Core.Errors;
using Conferences.Core.Kazoo;
using Conferences.Core.Validation;

namespace Conferences.Core.Actions;

/// <summary>
/// PUT <c>/conferences/{id}</c>: <c>handle_conference_action/3</c> of <c>cb_conferences.erl</c> (kazoo-reference
/// §1.7). The action is read from the envelope's <c>action</c>, else <c>data.action</c>; each action is one method;
/// a missing or unknown action is 404 <c>faulty_request</c>, checked before the conference itself. <c>dial</c> works
/// on any id; the others (<see cref="ConferenceControl"/>) need a stored or running conference (profile D2).
/// </summary>
public sealed class ConferenceActions(ConferenceStore conferences, KazooSchemaValidator validator, DialService dial, ConferenceControl control)
{
    public const string DialAction = "dial";
    public const string LockAction = "lock";
    public const string UnlockAction = "unlock";
    public const string PlayAction = "play";
    public const string RecordAction = "record";

    public Task<ConferenceActionResult> HandleConferenceActionAsync(CrossbarContext context, string conferenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RequestAction(context) switch
        {
            DialAction => DialAsync(context, conferenceId, ct),
            LockAction => control.LockAsync(context, conferenceId, locked: true, ct),
            UnlockAction => control.LockAsync(context, conferenceId, locked: false, ct),
            PlayAction => control.PlayAsync(context, conferenceId, ct),
            RecordAction => control.RecordAsync(context, conferenceId, ct),
            _ => throw KazooErrors.FaultyRequest(),
        };
    }

    /// <summary>§1.8: dial works on any id — a conference that is neither stored nor running is started (profile D2).</summary>
    public async Task<ConferenceActionResult> DialAsync(CrossbarContext context, string conferenceId, CancellationToken ct)
    {
        var conference = await LoadAsync(context, conferenceId, ct).ConfigureAwait(false);
        var data = await dial.DialAsync(context, conferenceId, conference.Document, ct).ConfigureAwait(false);
        return new ConferenceActionResult(data, conference.Revision);
    }

    /// <summary>
    /// <c>maybe_load_conference/2</c>: the stored conference (typed <c>conference</c> or untyped), else the ad-hoc
    /// document with the request's <c>data</c> deep-merged over it (<see cref="AdHocConference"/>, kazoo-reference
    /// §1.4.2). Nothing is saved.
    /// </summary>
    public async Task<ActionConference> LoadAsync(CrossbarContext context, string conferenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stored = await conferences.LoadAsync(context.AccountId, conferenceId, allowUntyped: true, ct).ConfigureAwait(false);
        if (stored is not null)
        {
            return new ActionConference(stored, KazooJson.GetString(stored, "_rev"));
        }
        return new ActionConference(AdHocConference.Build(validator, conferenceId, context.DataObject), null);
    }

    /// <summary>
    /// <c>cb_modules_util:get_request_action/1</c>: the first defined <c>action</c> of the envelope and then of
    /// <c>data</c>; only a string names an action.
    /// </summary>
    public static string? RequestAction(CrossbarContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = context.Envelope["action"] ?? context.DataObject["action"];
        return action is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }
}
