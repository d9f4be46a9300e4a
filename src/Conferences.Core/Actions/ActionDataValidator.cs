using FluentValidation;

namespace Conferences.Core.Actions;

/// <summary>
/// FluentValidation rules for an action's data that fail the way <c>cb_conferences</c> does: one error at a time,
/// as <c>{"data.key": {"rule": {"message": …, …}}}</c>. A rule names the key with <c>OverridePropertyName</c>, the
/// rule with <c>WithErrorCode</c> and the extra fields with <c>WithState</c> (a <see cref="JsonObject"/>).
/// </summary>
internal abstract class ActionDataValidator<T> : AbstractValidator<T>
{
    protected ActionDataValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleLevelCascadeMode = CascadeMode.Stop;
    }

    /// <exception cref="CrossbarException">400 with the first rule that failed.</exception>
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
