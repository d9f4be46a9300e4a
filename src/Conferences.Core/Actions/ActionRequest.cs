namespace Conferences.Core.Actions;

/// <summary>
/// An action PUT once crossbar's lookups have read it (<see cref="Crossbar.ActionRequestReader"/>): the actions need
/// these values, never the whole request (docs/crossbar.md, "Reading an action").
/// </summary>
/// <param name="Action">the action's name; null when none was sent or it was not a string (404 <c>faulty_request</c>).</param>
/// <param name="Data">D, the action's data: the request value <c>data</c>; null when absent.</param>
/// <param name="Body">the envelope's <c>data</c> object, merged over an ad-hoc conference (<c>cb_conferences:build_conference/2</c>).</param>
/// <param name="RequestId">the HTTP request id: dial's <c>Msg-ID</c>.</param>
/// <param name="ApplicationVars">dial's <c>Custom-Application-Vars</c> (<c>cb_modules_util:cavs_from_context/1</c>).</param>
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
