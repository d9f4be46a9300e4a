using Conferences.Core.Actions.Applied;

namespace Conferences.Core.Crossbar;

/// <summary>Parses an action PUT at the edge so the actions receive typed values (docs/crossbar.md, "Reading an
/// action").</summary>
public static class ActionRequestReader
{
    public static ActionRequest ForConference(CrossbarContext context, string conferenceId) =>
        Read(context, conferenceId, ConferenceAction(context));

    /// <summary>PUT <c>…/participants[/{pid}]</c>: the action is the request value <c>action</c> (<c>cb_context:req_value/2</c>).</summary>
    public static ActionRequest ForParticipants(CrossbarContext context, string conferenceId) =>
        Read(context, conferenceId, ParticipantsAction(context));

    /// <summary><c>get_request_action/1</c>: the envelope's <c>action</c>, else <c>data.action</c>; only a string names one.</summary>
    public static string? ConferenceAction(CrossbarContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AsString(context.Envelope["action"] ?? context.DataObject["action"]);
    }

    public static string? ParticipantsAction(CrossbarContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AsString(context.RequestValue("action"));
    }

    private static ActionRequest Read(CrossbarContext context, string conferenceId, string? action) => new(
        context.AccountId,
        conferenceId,
        action,
        context.RequestValue("data"),
        context.DataObject,
        context.RequestId,
        DialApplicationVars.From(context.DataObject, context.Query))
    {
        ParticipantIds = context.DataObject[ChosenParticipants.Key],
        WaitApplied = AppliedConfirmation.Requested(context.RequestValue(AppliedConfirmation.Key)),
    };

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
