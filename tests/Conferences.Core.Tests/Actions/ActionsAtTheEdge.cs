namespace Conferences.Core.Tests;

/// <summary>The actions called as the controllers call them: the request read by <see cref="ActionRequestReader"/> first.</summary>
internal static class ActionsAtTheEdge
{
    public static Task<ConferenceActionResult> HandleConferenceActionAsync(this ConferenceActions actions, CrossbarContext context, string conferenceId, CancellationToken ct) =>
        actions.HandleConferenceActionAsync(ActionRequestReader.ForConference(context, conferenceId), ct);

    public static Task<ConferenceActionResult> HandleParticipantsActionAsync(this ParticipantActions actions, CrossbarContext context, string conferenceId, CancellationToken ct) =>
        actions.HandleParticipantsActionAsync(ActionRequestReader.ForParticipants(context, conferenceId), ct);

    public static Task<ConferenceActionResult> HandleParticipantActionAsync(
        this ParticipantActions actions, CrossbarContext context, string conferenceId, string participantId, CancellationToken ct) =>
        actions.HandleParticipantActionAsync(ActionRequestReader.ForParticipants(context, conferenceId), participantId, ct);

    public static Task<JsonObject> DialAsync(this DialService dial, CrossbarContext context, string conferenceId, JsonObject conference, CancellationToken ct) =>
        dial.DialAsync(ActionRequestReader.ForConference(context, conferenceId), conference, ct);
}
