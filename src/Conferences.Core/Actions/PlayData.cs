using FluentValidation;

namespace Conferences.Core.Actions;

/// <summary><c>cb_conferences:play/3,4</c>: a non-empty <c>media_id</c>.</summary>
public sealed record PlayData(string? MediaId)
{
    private static readonly Validator Rules = new();

    /// <exception cref="Errors.CrossbarException">400 <c>data.required</c>, <c>data.type</c> or <c>data.media_id.required</c>.</exception>
    public static string MediaName(ActionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = ActionData.Required(request.Data, "play");
        var play = Rules.Check(new PlayData(ActionData.NonEmptyString(data, "media_id")));
        return MediaPath.For(play.MediaId!, request.AccountId);
    }

    private sealed class Validator : ActionDataValidator<PlayData>
    {
        public Validator() =>
            RuleFor(play => play.MediaId).NotNull()
                .OverridePropertyName("data.media_id").WithErrorCode("required").WithMessage("action 'play' requires a media ID or URL");
    }
}
