namespace Conferences.Core.Actions;

/// <summary>An action PUT as <see cref="Crossbar.ActionRequestReader"/> read it, so actions never see the whole request
/// (docs/crossbar.md, "Reading an action").</summary>
public sealed record ActionRequest(
    string AccountId, string ConferenceId, string? Action, JsonNode? Data, JsonObject Body, string RequestId, JsonObject ApplicationVars);
