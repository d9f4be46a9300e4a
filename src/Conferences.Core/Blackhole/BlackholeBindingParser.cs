namespace Conferences.Core.Blackhole;

/// <summary><c>bh_conference.erl</c>'s bindings plus D12 (docs/websocket.md, "Bindings").</summary>
public static class BlackholeBindingParser
{
    public const string ConferenceFamily = "conference";

    private const string EventWord = "event";
    private const string CommandWord = "command";

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
