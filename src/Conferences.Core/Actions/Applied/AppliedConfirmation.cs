namespace Conferences.Core.Actions.Applied;

/// <summary>
/// <c>wait=applied</c> for one action: watch before publishing, then answer with what was confirmed (201) or, when the
/// media server's events did not all arrive within <c>Actions:AppliedTimeout</c>, 202 naming what was not
/// (docs/compatibility.md, "Actions a script can trust"). Without <c>wait</c> nothing is watched and the answer is Kazoo's.
/// </summary>
public sealed class AppliedConfirmation(AppliedWaiter waiter)
{
    public const string Key = "wait";
    public const string Applied = "applied";

    /// <summary>
    /// The request value <c>wait</c> (<c>data.wait</c>, the query string, the envelope: <c>cb_context:req_value/2</c>):
    /// absent, or <c>applied</c>.
    /// </summary>
    /// <exception cref="CrossbarException">400 <c>wait.enum</c> for any other value.</exception>
    public static bool Requested(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == Applied => true,
        _ => throw KazooErrors.Validation(Key, "enum", "Value not found in enumerated list of values",
            new JsonObject { ["target"] = new JsonArray(Applied), ["value"] = value.DeepClone() }),
    };

    /// <summary>A watch of <paramref name="expected"/> when the request asked to wait, else null.</summary>
    public AppliedWatch? WatchIf(ActionRequest request, IEnumerable<AppliedExpectation> expected)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.WaitApplied ? waiter.Watch(request.AccountId, request.ConferenceId, expected) : null;
    }

    /// <summary><paramref name="result"/> as is without a watch; else once confirmed or timed out, with the outcome in <c>metadata</c>.</summary>
    public async Task<ConferenceActionResult> AnswerAsync(ConferenceActionResult result, AppliedWatch? watch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (watch is null)
        {
            return result;
        }
        var outcome = await waiter.WaitAsync(watch, ct).ConfigureAwait(false);
        return result with { Metadata = outcome.AddTo(result.Metadata?.DeepClone().AsObject()), Unconfirmed = !outcome.IsComplete };
    }

    /// <summary>
    /// Dial learns its call ids from the media manager's answer: each successful leg must join (<c>add-member</c> of
    /// its <c>call_id</c>); a dial that started no leg failed, and that is its confirmation.
    /// </summary>
    public static IEnumerable<AppliedExpectation> DialLegs(JsonObject dialAnswer)
    {
        ArgumentNullException.ThrowIfNull(dialAnswer);
        foreach (var leg in (dialAnswer["endpoint_responses"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (KazooJson.GetString(leg, "status") == "success" && KazooJson.GetString(leg, "call_id") is { } callId)
            {
                yield return new AppliedExpectation(KapiConferenceEvents.AddMember, CallId: callId);
            }
        }
    }
}
