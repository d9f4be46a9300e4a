namespace Conferences.Core.Actions;

/// <summary><c>cb_conferences:record_conference/3</c>, plus an optional <c>media_name</c> (docs/compatibility.md
/// D4).</summary>
public sealed record RecordData(string? Action, JsonNode? MediaName)
{
    public const string Start = "start";
    public const string Stop = "stop";

    private static readonly RecordDataValidator Rules = new();

    public string? RequestedName => MediaName?.GetValue<string>();

    /// <exception cref="Errors.CrossbarException">400 for missing data, a bad <c>media_name</c>, a missing or unknown <c>action</c>, in that order.</exception>
    public static RecordData From(JsonNode? requestData)
    {
        var data = ActionData.Required(requestData, "record");
        return Rules.Check(new RecordData(ActionData.NonEmptyString(data, "action"), data["media_name"]));
    }
}
