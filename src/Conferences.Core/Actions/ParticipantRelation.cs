namespace Conferences.Core.Actions;

/// <summary>The bulk <c>relate</c> (<c>cb_conferences:relate/4</c>), validated against
/// <c>metaflows.relate</c>.</summary>
public sealed class ParticipantRelation(ConferenceCommands commands, KazooSchemaValidator validator)
{
    public const string RelateSchema = "metaflows.relate";
    public const string RelatingParticipants = "relating participants";

    /// <summary>Which id a 404 names follows <c>cb_conferences:relate/4</c> (docs/crossbar.md).</summary>
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

    // kz_term:to_integer/1 of a relate id; anything else is not a member (Kazoo crashes, D9).
    private static (long? Id, JsonNode? Shown) ParticipantNumber(JsonNode? value) =>
        KapiValueTypes.TryGetInteger(value, allowNumericString: true, out var id) ? (id, id) : (null, value?.DeepClone());
}
