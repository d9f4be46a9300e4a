using FluentValidation;

namespace Conferences.Core.Actions;

// FluentValidation rules that fail the way cb_conferences does: one error at a time, {"data.key": {"rule": {...}}} (key
// from OverridePropertyName, rule from WithErrorCode, extra fields from WithState).
internal abstract class ActionDataValidator<T> : AbstractValidator<T>
{
    protected ActionDataValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleLevelCascadeMode = CascadeMode.Stop;
    }

    public T Check(T data)
    {
        var result = Validate(data);
        if (result.IsValid)
        {
            return data;
        }
        var failure = result.Errors[0];
        throw KazooErrors.Validation(failure.PropertyName, failure.ErrorCode, failure.ErrorMessage, failure.CustomState as JsonObject);
    }
}
