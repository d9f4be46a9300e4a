using FluentValidation;

namespace Conferences.Core.Actions;

/// <summary>
/// The participants a bulk action is limited to: the envelope's <c>data.participant_ids</c>, this service's
/// addition (docs/compatibility.md, "Actions a script can trust"). A non-empty array of participant ids, each an
/// integer or a string of digits (as <c>Participant-ID</c> is read: <c>kapps_conference_command</c>); duplicates
/// count once, in the order first sent.
/// </summary>
public sealed record ChosenParticipants(IReadOnlyList<long> Ids)
{
    public const string Key = "participant_ids";

    private static readonly Validator Rules = new();

    /// <summary>Null when the request chose nobody (the action's own selection applies).</summary>
    /// <exception cref="CrossbarException">400 <c>participant_ids.type</c> or <c>participant_ids.minItems</c>.</exception>
    public static ChosenParticipants? From(JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }
        Rules.Check(value);
        var ids = new List<long>();
        foreach (var item in value.AsArray())
        {
            KapiValueTypes.TryGetInteger(item, allowNumericString: true, out var id);
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }
        return new ChosenParticipants(ids);
    }

    private sealed class Validator : ActionDataValidator<JsonNode>
    {
        public Validator()
        {
            RuleFor(value => value)
                .Must(value => value is JsonArray)
                .OverridePropertyName(Key).WithErrorCode("type").WithMessage("Value did not match type(s): array")
                .WithState(value => new JsonObject { ["target"] = "array", ["value"] = value.DeepClone() })
                .Must(value => value.AsArray().Count > 0)
                .WithErrorCode("minItems").WithMessage("The list is empty: choose at least one participant id, or leave participant_ids out")
                .WithState(_ => new JsonObject { ["target"] = 1 })
                .Must(value => value.AsArray().All(item => KapiValueTypes.TryGetInteger(item, allowNumericString: true, out var id) && id >= 0))
                .WithErrorCode("items").WithMessage("Every participant id must be a non-negative integer or a string of digits")
                .WithState(value => new JsonObject { ["value"] = value.DeepClone() });
        }
    }
}
