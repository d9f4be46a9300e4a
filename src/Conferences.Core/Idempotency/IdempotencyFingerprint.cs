namespace Conferences.Core.Idempotency;

/// <summary>
/// What makes two requests under one key "the same request": the method, the path as sent, the query string and
/// the envelope, compared as parsed JSON (whitespace and key order in the body do not matter). The token (header,
/// query <c>auth_token</c> or envelope <c>auth_token</c>) is left out: a retry may carry a refreshed one.
/// </summary>
public static class IdempotencyFingerprint
{
    public static string Of(string method, string path, IReadOnlyDictionary<string, string> query, JsonObject envelope)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(envelope);
        var text = new StringBuilder().Append(method).Append(' ').Append(path).Append('\n');
        foreach (var (key, value) in query.Where(q => q.Key != "auth_token").OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(value).Append('\n');
        }
        text.Append(Canonical(envelope, root: true));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Canonical(JsonNode? node, bool root = false) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj
            .Where(p => !(root && p.Key == "auth_token"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => JsonValue.Create(p.Key).ToJsonString() + ":" + Canonical(p.Value))) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(item => Canonical(item))) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
