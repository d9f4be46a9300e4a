namespace Conferences.Core.Blackhole;

/// <summary>
/// Client bindings → AMQP bindings, as <c>bh_conference.erl</c> does (docs/websocket.md), plus D12:
/// <list type="bullet">
/// <item><c>conference.event.{conf}.{call|*}</c> → <c>conference.event.*.{account}.{conf}.{enc(call)}</c>;</item>
/// <item><c>conference.event.*.{conf}.*</c> (D12, Monster UI's conference viewer) → every event of {conf}, the same
/// AMQP binding as <c>conference.event.{conf}.*</c>;</item>
/// <item><c>conference.command.{conf}</c> → <c>conference.command.{conf}</c>.</item>
/// </list>
/// The conference id may not be a wildcard ("ConferenceId required"; <c>#</c> is refused like <c>*</c>, as it would
/// reach every conference). Other <c>conference.</c> shapes are malformed; other families have no module here.
/// </summary>
public static class BlackholeBindingParser
{
    public const string ConferenceFamily = "conference";

    private const string EventWord = "event";
    private const string CommandWord = "command";

    /// <param name="clientBinding">the binding as the client sent it.</param>
    /// <param name="accountId">the subscription's (already authorized, or to be authorized) <c>data.account_id</c>.</param>
    public static ParsedBinding Parse(string clientBinding, string accountId)
    {
        ArgumentNullException.ThrowIfNull(clientBinding);
        ArgumentNullException.ThrowIfNull(accountId);
        var words = clientBinding.Split('.');
        if (words[0] != ConferenceFamily)
        {
            return ParsedBinding.UnknownFamily(clientBinding);
        }
        var keys = words[1..];
        return keys switch
        {
            [CommandWord, var conf] when IsWildcard(conf) => ParsedBinding.Invalid(clientBinding, BlackholeErrors.ConferenceIdRequired),
            [CommandWord, var conf] when conf.Length > 0 => ParsedBinding.Valid(clientBinding, KapiRoutingKeys.Command(conf)),
            [EventWord, var conf, _] when IsWildcard(conf) => ParsedBinding.Invalid(clientBinding, BlackholeErrors.ConferenceIdRequired),
            [EventWord, var conf, var call] when conf.Length > 0 && call.Length > 0 =>
                ParsedBinding.Valid(clientBinding, KapiRoutingKeys.Event("*", accountId, conf, call)),
            [EventWord, "*", var conf, "*"] when IsWildcard(conf) => ParsedBinding.Invalid(clientBinding, BlackholeErrors.ConferenceIdRequired),
            [EventWord, "*", var conf, "*"] when conf.Length > 0 =>
                ParsedBinding.Valid(clientBinding, KapiRoutingKeys.Event("*", accountId, conf, "*")),
            _ => ParsedBinding.Invalid(clientBinding, BlackholeErrors.InvalidConferenceFormat(keys)),
        };
    }

    private static bool IsWildcard(string word) => word is "*" or "#";
}
