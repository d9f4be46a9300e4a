using System.Text.RegularExpressions;
using FluentValidation;

namespace Conferences.Core.Actions;

// media_name is a plain file name: ecallmgr writes it into its recordings directory.
internal sealed partial class RecordDataValidator : ActionDataValidator<RecordData>
{
    private const string FileNamePattern = "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$";

    public RecordDataValidator()
    {
        RuleFor(record => record.MediaName)
            .Must(name => name is null || (name is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0))
            .OverridePropertyName("data.media_name").WithErrorCode("type").WithMessage("Value did not match type(s): non-empty string")
            .WithState(record => new JsonObject { ["target"] = "string", ["value"] = record.MediaName?.DeepClone() })
            .Must(name => name is null || FileName().IsMatch(name.GetValue<string>()))
            .WithErrorCode("pattern").WithMessage($"Failed to match pattern '{FileNamePattern}'")
            .WithState(record => new JsonObject { ["target"] = FileNamePattern, ["value"] = record.RequestedName });
        RuleFor(record => record.Action)
            .NotNull()
            .OverridePropertyName("data.action").WithErrorCode("required").WithMessage("recording requires an action")
            .Must(action => action is RecordData.Start or RecordData.Stop)
            .WithErrorCode("enum").WithMessage("Value not found in enumerated list of values")
            .WithState(record => new JsonObject { ["target"] = new JsonArray(RecordData.Start, RecordData.Stop), ["value"] = record.Action });
    }

    [GeneratedRegex(FileNamePattern)]
    private static partial Regex FileName();
}
