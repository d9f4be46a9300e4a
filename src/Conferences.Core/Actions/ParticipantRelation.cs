namespace Conferences.Core.Actions;

/// <summary>
/// The bulk <c>relate</c> action (<c>cb_conferences:handle_participants_relate/2</c>, <c>relate/4</c>): D plus <c>conference_id</c>,
/// validated against the <c>metaflows.relate</c> schema, relates two members of the running conference.
/// </summary>
public sealed class ParticipantRelation(ConferenceCommands commands, KazooSchemaValidator validator)
{
    public const string RelateSchema = "metaflows.relate";
    public const string RelatingParticipants = "relating participants";

    /// <summary>
    /// Both participants, as integers, must be members (404 <c>bad_identifier</c> naming <c>other_participant</c> when
    /// it is missing, when both are, and when a participant is related to itself, as in Kazoo; else
    /// <c>participant_id</c>); then <c>relate_participants</c> and <c>"relating participants"</c>.
    /// </summary>
    public async Task<ConferenceActionResult> RelateAsync(ActionRequest request, LoadedConference conference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(conference);
        var relate = request.Data switch
        {
            null => [],
            JsonObject data => (JsonObject)data.DeepClone(),
            var notObject => throw ActionData.NotAnObject("data", notObject),
        };
        relate["conference_id"] = request.ConferenceId;
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
        await commands.RelateAsync(request.ConferenceId, participant!.Value, other!.Value, relationship, ct).ConfigureAwait(false);
        return new ConferenceActionResult(RelatingParticipants, conference.Revision);
    }

    /// <summary>
    /// <c>kz_term:to_integer/1</c> of a relate id: an integer or a string of digits; anything else (Kazoo crashes,
    /// docs/compatibility.md D9) is not a member. The 404 names the integer, else the value as sent.
    /// </summary>
    private static (long? Id, JsonNode? Shown) ParticipantNumber(JsonNode? value) =>
        KapiValueTypes.TryGetInteger(value, allowNumericString: true, out var id) ? (id, id) : (null, value?.DeepClone());
}
