using System.Text.Json.Nodes;
using Conferences.Core.Conferences;
using Conferences.Core.Crossbar;
using Conferences.Core.Errors;

namespace Conferences.Core.Actions;

/// <summary>
/// The conference actions other than dial (<c>handle_conference_action/3</c> of <c>cb_conferences.erl</c>,
/// kazoo-reference §1.7): <c>lock</c>, <c>unlock</c>, <c>play</c>, <c>record</c>. Each works on a conference that is
/// stored or running (profile D2: anything else is 404 <c>bad_identifier</c>); a stored conference that is not
/// running accepts them as in Kazoo (the command finds no consumer). Every answer carries the stored conference's
/// revision (§2.5).
/// </summary>
public sealed partial class ConferenceControl(ConferenceLookup lookup, ConferenceCommands commands, RecordingNames recordings)
{
    public const string Ok = "ok";

    /// <summary>The conference an action works on, by profile D2's rule (the same as GET's, D1).</summary>
    /// <exception cref="CrossbarException">404 <c>bad_identifier</c>: neither stored nor running.</exception>
    public Task<LoadedConference> LoadAsync(CrossbarContext context, string conferenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return lookup.LoadAsync(context.AccountId, conferenceId, ct);
    }

    public async Task<ConferenceActionResult> LockAsync(CrossbarContext context, string conferenceId, bool locked, CancellationToken ct)
    {
        var conference = await LoadAsync(context, conferenceId, ct).ConfigureAwait(false);
        await (locked ? commands.LockAsync(conferenceId, ct) : commands.UnlockAsync(conferenceId, ct)).ConfigureAwait(false);
        return new ConferenceActionResult(Ok, conference.Revision);
    }

    /// <summary><c>play</c> to the whole conference (also the participants' bulk <c>play</c>, §1.9).</summary>
    public async Task<ConferenceActionResult> PlayAsync(CrossbarContext context, string conferenceId, CancellationToken ct)
    {
        var conference = await LoadAsync(context, conferenceId, ct).ConfigureAwait(false);
        await commands.PlayAsync(conferenceId, PlayMedia(context), participantId: null, ct).ConfigureAwait(false);
        return new ConferenceActionResult(Ok, conference.Revision);
    }

    /// <summary>
    /// The <c>Media-Name</c> of a play: D must be an object (400 <c>data.required</c> "action 'play' requires a data
    /// object") with a non-empty <c>media_id</c> (400 <c>data.media_id.required</c> "action 'play' requires a media ID
    /// or URL"), turned into a path by <see cref="MediaPath"/>.
    /// </summary>
    public static string PlayMedia(CrossbarContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = ActionData.Required(context, "play");
        var mediaId = ActionData.NonEmptyString(data, "media_id")
            ?? throw KazooErrors.Validation("data.media_id", "required", "action 'play' requires a media ID or URL");
        return MediaPath.For(mediaId, context.AccountId);
    }

    /// <summary>
    /// <c>record</c> with D's <c>action</c> <c>start</c> or <c>stop</c> (400 <c>data.action.required</c> "recording
    /// requires an action", 400 <c>data.action.enum</c> otherwise). Profile D4: start publishes <c>record</c> with a
    /// generated <c>Media-Name</c> (or D's <c>media_name</c>); stop publishes <c>recordstop</c> with D's
    /// <c>media_name</c>, else the name of the recording last started here. <c>data</c> stays Kazoo's message;
    /// the name is in the envelope's <c>metadata.media_name</c>.
    /// </summary>
    public async Task<ConferenceActionResult> RecordAsync(CrossbarContext context, string conferenceId, CancellationToken ct)
    {
        var conference = await LoadAsync(context, conferenceId, ct).ConfigureAwait(false);
        var data = ActionData.Required(context, "record");
        var requested = RequestedMediaName(data);
        switch (ActionData.NonEmptyString(data, "action"))
        {
            case "start":
                var name = requested ?? recordings.NewName(conferenceId);
                await commands.RecordAsync(conferenceId, name, ct).ConfigureAwait(false);
                recordings.Started(context.AccountId, conferenceId, name);
                return Recording("starting recording", name, conference.Revision);
            case "stop":
                var current = requested ?? recordings.Current(context.AccountId, conferenceId) ?? throw NoRecordingKnown();
                await commands.RecordStopAsync(conferenceId, current, ct).ConfigureAwait(false);
                recordings.Stopped(context.AccountId, conferenceId, current);
                return Recording("stopping recording", current, conference.Revision);
            case null:
                throw KazooErrors.Validation("data.action", "required", "recording requires an action");
            case var other:
                throw KazooErrors.Validation("data.action", "enum", "Value not found in enumerated list of values",
                    new JsonObject { ["target"] = new JsonArray("start", "stop"), ["value"] = other });
        }
    }

    private static ConferenceActionResult Recording(string message, string mediaName, string? revision) =>
        new(message, revision) { Metadata = new JsonObject { ["media_name"] = mediaName } };

    /// <summary>
    /// D's <c>media_name</c>: absent, or a non-empty string (400 <c>data.media_name.type</c> otherwise) that is a plain
    /// file name — letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, at most 128, not starting with a dot (400
    /// <c>data.media_name.pattern</c>). The media server turns it into a path of its recording directory
    /// (ecallmgr's <c>recording_filename/1</c>); a name with separators or <c>..</c> has no business there.
    /// </summary>
    private static string? RequestedMediaName(JsonObject data)
    {
        if (data["media_name"] is null)
        {
            return null;
        }
        if (data["media_name"] is not JsonValue value || !value.TryGetValue<string>(out var name) || name.Length == 0)
        {
            throw KazooErrors.Validation("data.media_name", "type", "Value did not match type(s): non-empty string",
                new JsonObject { ["target"] = "string", ["value"] = data["media_name"]!.DeepClone() });
        }
        return RecordingFileName().IsMatch(name)
            ? name
            : throw KazooErrors.Validation("data.media_name", "pattern", $"Failed to match pattern '{RecordingFileNamePattern}'",
                new JsonObject { ["target"] = RecordingFileNamePattern, ["value"] = name });
    }

    private const string RecordingFileNamePattern = "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$";

    [System.Text.RegularExpressions.GeneratedRegex(RecordingFileNamePattern)]
    private static partial System.Text.RegularExpressions.Regex RecordingFileName();

    private static CrossbarException NoRecordingKnown() =>
        KazooErrors.Validation("data.media_name", "required",
            "recording stop requires the media_name that recording start answered (no recording of this conference was started through this API instance)");
}
