namespace Conferences.Core.Actions.Applied;

/// <summary>What a <c>wait=applied</c> action saw: the confirming events, and the expectations no event met in time.</summary>
public sealed record AppliedOutcome(IReadOnlyList<JsonObject> Confirmed, IReadOnlyList<JsonObject> Unconfirmed)
{
    public bool IsComplete => Unconfirmed.Count == 0;

    /// <summary>Adds <c>applied</c> (<c>"confirmed"</c> or <c>"unconfirmed"</c>), <c>confirmed</c> and <c>unconfirmed</c> to <paramref name="metadata"/>.</summary>
    public JsonObject AddTo(JsonObject? metadata)
    {
        var result = metadata ?? [];
        result["applied"] = IsComplete ? "confirmed" : "unconfirmed";
        result["confirmed"] = new JsonArray([.. Confirmed.Select(c => (JsonNode)c.DeepClone())]);
        result["unconfirmed"] = new JsonArray([.. Unconfirmed.Select(c => (JsonNode)c.DeepClone())]);
        return result;
    }
}
