using System.Globalization;
using System.Text.Json.Nodes;
using Conferences.Core.Conferences;
using Conferences.Core.Crossbar;
using Conferences.Core.Errors;
using Conferences.Core.Kapi;
using Conferences.Core.Validation;

namespace Conferences.Core.Actions;

/// <summary>
/// PUT <c>…/conferences/{id}/participants</c> (<c>handle_participants_action/3</c>, kazoo-reference §1.9) and
/// PUT <c>…/participants/{pid}</c> (<c>participant_action/4</c>, §1.10). The action is the request value
/// <c>action</c> (<c>data.action</c> → query → envelope); a missing or unknown one is 404 <c>faulty_request</c>
/// (for the single-participant PUT too: profile D3), checked first. The conference must be stored or running (D2),
/// and who is in it comes from the live state (D7), never from a search.
/// </summary>
public sealed class ParticipantActions(ConferenceControl control, ConferenceCommands commands, KazooSchemaValidator validator)
{
    public const string RelateSchema = "metaflows.relate";
    public const string RelateAction = "relate";
    public const string RelatingParticipants = "relating participants";

    /// <summary>
    /// Bulk: <c>mute</c>, <c>unmute</c>, <c>deaf</c>, <c>undeaf</c>, <c>kick</c> send one command per selected member
    /// (<see cref="ParticipantSelection"/>) with <c>Participant-ID</c> as a string, as crossbar sends it, and answer
    /// the conference document (its public fields; the synthesised one for an ad-hoc conference); <c>play</c> is the
    /// conference's play; <c>relate</c> relates two members.
    /// </summary>
    public async Task<ConferenceActionResult> HandleParticipantsActionAsync(CrossbarContext context, string conferenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = ActionData.ParticipantsAction(context);
        switch (action)
        {
            case ConferenceActions.PlayAction:
                return await control.PlayAsync(context, conferenceId, ct).ConfigureAwait(false);
            case RelateAction:
                return await RelateAsync(context, conferenceId, ct).ConfigureAwait(false);
        }
        var selection = ParticipantSelection.For(action) ?? throw KazooErrors.FaultyRequest();
        var conference = await control.LoadAsync(context, conferenceId, ct).ConfigureAwait(false);
        if (conference.Live is { } live)
        {
            // every command must be confirmed by the bus before the answer (a 201 means they were all accepted)
            await Task.WhenAll(selection.In(live).Select(p =>
                commands.ParticipantAsync(selection.Command, conferenceId, p.ParticipantId.ToString(CultureInfo.InvariantCulture), ct))).ConfigureAwait(false);
        }
        var document = conference.IsStored ? conference.Document : AdHocConference.PublicView(validator, conferenceId, context.DataObject);
        return new ConferenceActionResult(document, conference.Revision);
    }

    /// <summary>
    /// Single: <c>mute</c>, <c>unmute</c>, <c>deaf</c>, <c>undeaf</c>, <c>kick</c> send their command with
    /// <c>Participant-ID</c> as an integer; <c>play</c> sends <c>play</c> with the path token (a string) and needs
    /// play's data (§1.7). The participant must be in the running conference (profile D3: 404 <c>bad_identifier</c>
    /// with <c>data.id</c> otherwise, a non-integer id included). Answers <c>"ok"</c>.
    /// </summary>
    public async Task<ConferenceActionResult> HandleParticipantActionAsync(CrossbarContext context, string conferenceId, string participantId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = ActionData.ParticipantsAction(context);
        var selection = ParticipantSelection.For(action);
        if (selection is null && action != ConferenceActions.PlayAction)
        {
            throw KazooErrors.FaultyRequest();
        }
        var conference = await control.LoadAsync(context, conferenceId, ct).ConfigureAwait(false);
        if (!long.TryParse(participantId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || conference.Live?.FindParticipant(id) is null)
        {
            throw KazooErrors.UnknownParticipant(participantId);
        }
        if (selection is null)
        {
            await commands.PlayAsync(conferenceId, ConferenceControl.PlayMedia(context), participantId, ct).ConfigureAwait(false);
        }
        else
        {
            await commands.ParticipantAsync(selection.Command, conferenceId, id, ct).ConfigureAwait(false);
        }
        return new ConferenceActionResult(ConferenceControl.Ok, conference.Revision);
    }

    /// <summary>
    /// <c>relate</c>: R = the request value <c>data</c> plus <c>conference_id</c>, validated against
    /// <c>metaflows.relate</c> (400); both participants, as integers, must be members of the running conference
    /// (404 <c>bad_identifier</c> with <c>data.id</c>: <c>other_participant</c> when it is missing or when both are,
    /// and when a participant is related to itself, as in Kazoo; else <c>participant_id</c>). Then
    /// <c>relate_participants</c> and <c>"relating participants"</c>.
    /// </summary>
    private async Task<ConferenceActionResult> RelateAsync(CrossbarContext context, string conferenceId, CancellationToken ct)
    {
        var conference = await control.LoadAsync(context, conferenceId, ct).ConfigureAwait(false);
        var relate = context.RequestValue("data") switch
        {
            null => [],
            JsonObject data => (JsonObject)data.DeepClone(),
            var notObject => throw ActionData.NotAnObject("data", notObject),
        };
        relate["conference_id"] = conferenceId;
        var validated = validator.Validate(RelateSchema, relate);
        if (!validated.IsValid)
        {
            throw KazooErrors.Validation(validated.Errors);
        }
        var (participant, participantNode) = ParticipantNumber(validated.Document["participant_id"]);
        var (other, otherNode) = ParticipantNumber(validated.Document["other_participant"]);
        bool Present(long? id) => id is { } member && conference.Live?.FindParticipant(member) is not null;
        if (!Present(other) || participant == other)
        {
            throw KazooErrors.UnknownParticipant(otherNode);
        }
        if (!Present(participant))
        {
            throw KazooErrors.UnknownParticipant(participantNode);
        }
        var relationship = validated.Document["relationship"]?.GetValue<string>() ?? "clear";
        await commands.RelateAsync(conferenceId, participant!.Value, other!.Value, relationship, ct).ConfigureAwait(false);
        return new ConferenceActionResult(RelatingParticipants, conference.Revision);
    }

    /// <summary>
    /// <c>kz_term:to_integer/1</c> of a relate id: an integer, or a string of digits; anything else (which Kazoo
    /// crashes on, D9) is not a member. Also the value the 404 names: the integer, else the value as sent.
    /// </summary>
    private static (long? Id, JsonNode? Shown) ParticipantNumber(JsonNode? value)
    {
        if (KapiValueTypes.TryGetInteger(value, allowNumericString: true, out var id))
        {
            return (id, id);
        }
        return (null, value?.DeepClone());
    }
}
