using System.Text.Json.Nodes;

namespace Conferences.Core.Actions;

/// <summary>
/// An action PUT once crossbar's lookups have read it (<see cref="Crossbar.ActionRequestReader"/>): the actions need
/// these values, never the whole request (docs/crossbar.md, "Reading an action").
/// </summary>
public sealed record ActionRequest
{
    public required string AccountId { get; init; }

    public required string ConferenceId { get; init; }

    /// <summary>The action's name; null when none was sent or it was not a string (404 <c>faulty_request</c>).</summary>
    public string? Action { get; init; }

    /// <summary>D, the action's data: the request value <c>data</c>; null when absent.</summary>
    public JsonNode? Data { get; init; }

    /// <summary>The envelope's <c>data</c> object, merged over an ad-hoc conference (<c>cb_conferences:build_conference/2</c>).</summary>
    public JsonObject Body { get; init; } = [];

    /// <summary>The HTTP request id: dial's <c>Msg-ID</c>.</summary>
    public string RequestId { get; init; } = string.Empty;

    /// <summary>Dial's <c>Custom-Application-Vars</c> (<c>cb_modules_util:cavs_from_context/1</c>).</summary>
    public JsonObject ApplicationVars { get; init; } = [];
}
