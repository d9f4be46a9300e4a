namespace Conferences.Core.Actions;

/// <summary>An action PUT as <see cref="Crossbar.ActionRequestReader"/> read it, so actions never see the whole request
/// (docs/crossbar.md, "Reading an action").</summary>
public sealed record ActionRequest(
    string AccountId, string ConferenceId, string? Action, JsonNode? Data, JsonObject Body, string RequestId, JsonObject ApplicationVars)
{
    /// <summary>
    /// The envelope's <c>data.participant_ids</c> as sent (a bulk action's chosen targets), read by
    /// <see cref="ChosenParticipants"/> once the action and the conference are known (docs/crossbar.md, "Order of checks").
    /// </summary>
    public JsonNode? ParticipantIds { get; init; }

    /// <summary><c>wait=applied</c>: answer once the media server confirmed (<see cref="Applied.AppliedConfirmation"/>).</summary>
    public bool WaitApplied { get; init; }
}
