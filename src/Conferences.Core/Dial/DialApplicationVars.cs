using System.Collections.Frozen;

namespace Conferences.Core.Dial;

// cb_modules_util:cavs_from_context/1 without crossbar's own query parameters (docs/compatibility.md).
internal static class DialApplicationVars
{
    // Kazoo's default reserved_ccv_keys (kapps_call_command_types.hrl).
    public static readonly FrozenSet<string> ReservedChannelVars = new[]
    {
        "Account-ID", "Account-Name", "Account-Realm", "Authorizing-ID", "Authorizing-Type", "Auto-Answer",
        "Call-Forward", "Call-Interaction-ID", "Ecallmgr-Node", "Call-Waiting-Disabled", "Confirm-Cancel-Timeout",
        "Confirm-File", "Confirm-Key", "Fax-Enabled", "Fetch-ID", "Loopback-Bowout", "Media-Encryption-Enforce-Security",
        "Media-Webrtc", "Owner-ID", "Presence-ID", "RTCP-MUX", "Realm", "Require-Ignore-Early-Media", "Retain-CID",
        "SIP-Invite-Domain", "Simplify-Loopback", "Username",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> ReservedQueryKeys = new[]
    {
        "_", "accept", "action", "ascending", "auth_token", "callback", "chunk_size", "created_from", "created_to",
        "data", "descending", "file_name", "has_key", "has_value", "is_chunked", "jsonp", "key_missing",
        "modified_from", "modified_to", "page_size", "paginate", "pretty_print", "should_soft_delete", "start_key",
        "value_missing", "verb",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const string FilterPrefix = "filter_";

    public static JsonObject From(JsonObject body, IReadOnlyDictionary<string, string> query)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(query);
        var vars = new JsonObject();
        if (body["custom_application_vars"] is JsonObject given)
        {
            foreach (var (key, value) in given)
            {
                vars[key] = value?.DeepClone();
            }
        }
        foreach (var (key, value) in query)
        {
            if (!IsReservedQueryKey(key))
            {
                vars[key] = value;
            }
        }
        foreach (var reserved in vars.Select(v => v.Key).Where(ReservedChannelVars.Contains).ToList())
        {
            vars.Remove(reserved);
        }
        return vars;
    }

    public static bool IsReservedQueryKey(string key) =>
        ReservedQueryKeys.Contains(key) || key.StartsWith(FilterPrefix, StringComparison.Ordinal);
}
