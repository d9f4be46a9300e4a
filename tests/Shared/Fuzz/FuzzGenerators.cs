using System.Text;
using CsCheck;

namespace Conferences.Fuzz;

/// <summary>
/// Generators of requests an attacker would send to the conferences API: every route and verb (and case variants of
/// both), odd headers, query strings and bodies — invalid UTF-8, BOMs, deep nesting, huge numbers, repeated and
/// case-variant keys, wrong types, truncated JSON, and every action with wrong data.
/// </summary>
public static class FuzzGenerators
{
    public static readonly Gen<string> Method = Gen.Frequency(
        (12, Gen.OneOf("GET", "PUT", "POST", "PATCH", "DELETE")),
        (2, Gen.OneOf("HEAD", "OPTIONS")),
        (2, Gen.OneOf("get", "Put", "post", "pAtch", "delete", "head", "options")),
        (1, Gen.OneOf("FOO", "PROPFIND", "TRACE", "CONNECTX", "M-SEARCH")));

    private static readonly Gen<string> ConferenceId = Gen.Frequency(
        (10, Gen.OneOf("c1", "c2", "c3")),
        (2, Gen.OneOf("x", "%C3%A9t%C3%A9", "a.b", "_design", "_all_docs", "%FF", "a%2Fb", "null", "0", "%20", "..", "C1")),
        (1, Gen.Int[1, 400].Select(n => new string('z', n))));

    private static readonly Gen<string> ParticipantId = Gen.OneOf("1", "2", "3", "0", "-1", "99999999999999999999", "abc", "1.5", "%FF");

    private static readonly Gen<string> AccountSuffix = Gen.Frequency(
        (2, Gen.OneOf("", "/")),
        (6, Gen.OneOf("/conferences", "/conferences/")),
        (8, ConferenceId.Select(c => $"/conferences/{c}")),
        (4, ConferenceId.Select(c => $"/conferences/{c}/participants")),
        (4, Gen.Select(ConferenceId, ParticipantId, (c, p) => $"/conferences/{c}/participants/{p}")),
        (1, Gen.OneOf("/api_key", "/api_key/x")),
        (1, ConferenceId.Select(c => $"/conferences/{c}/other")),
        (1, Gen.Select(ConferenceId, ParticipantId, (c, p) => $"/conferences/{c}/participants/{p}/deeper")),
        (2, Gen.OneOf("/CONFERENCES", "/Conferences/c1", "/conferences/c1/PARTICIPANTS", "/API_KEY", "//conferences", "/conferences//participants")));

    private static readonly Gen<string> AccountToken = Gen.Frequency(
        (20, Gen.Const("{a}")),
        (2, Gen.Const("{s}")),
        (1, Gen.Const("{A}")),
        (1, Gen.OneOf("abc", "00000000000000000000000000000000", "%C3%A9", new string('x', 32), "")));

    public static readonly Gen<string> Path = Gen.Frequency(
        (20, Gen.Select(AccountToken, AccountSuffix, (a, s) => $"/v2/accounts/{a}{s}")),
        (2, Gen.OneOf("/v2/api_auth", "/v2/user_auth", "/v2/user_auth/recovery")),
        (1, Gen.OneOf("/v2", "/v2/", "/v2/nowhere", "/v2/accounts", "/v1/accounts/{a}/conferences", "/v1", "/V2/accounts/{a}/conferences", "/v2/API_AUTH")));

    private static readonly Gen<string> QueryValue = Gen.OneOf(
        "1", "0", "-1", "2147483648", "99999999999999999999999", "true", "false", "", "%FF", "%C3%A9", "%00", "x",
        "PUT", "DELETE", "patch", "get", "mute", "lock", "dial", "%5B1%2C2%5D", "%7B%7D", "g20AAAAAAAAA", "1e400", "a%26b%3Dc");

    private static readonly Gen<string> QueryKey = Gen.OneOf(
        "page_size", "start_key", "paginate", "ascending", "descending", "filter_name", "filter_not_name", "has_key",
        "key_missing", "has_value", "value_missing", "created_from", "created_to", "modified_from", "verb", "action",
        "should_soft_delete", "auth_token", "pretty_print", "data", "accept", "_", "filter_member.numbers", "x%FFy");

    public static readonly Gen<string> Query = Gen.Frequency(
        (6, Gen.Const(string.Empty)),
        (4, Gen.Select(QueryKey, QueryValue, (k, v) => $"{k}={v}").Array[1, 4].Select(kvs => string.Join('&', kvs))));

    private static readonly Gen<string> OddText = Gen.OneOf(
        "été", "a\u0001b", "\u00ff", "日本", "\u007f", "tab\there", "   ", "\"quoted\"", "emoji\U0001F600", new string('r', 200), new string('h', 6000), "x");

    private static readonly Gen<KeyValuePair<string, string>> Header = Gen.Frequency(
        (4, OddText.Select(v => KeyValuePair.Create("X-Request-ID", v))),
        (1, Gen.Const(KeyValuePair.Create("X-Request-ID", "req-ok-1"))),
        (2, Gen.OneOf("*", "\"1-abc\"", "W/\"x\"", "garbage", "\"a\", \"b\"", "").Select(v => KeyValuePair.Create("If-Match", v))),
        (2, Gen.OneOf("*", "\"1-abc\"", "garbage", "").Select(v => KeyValuePair.Create("If-None-Match", v))),
        (2, Gen.OneOf("http://ui.example", "null", "été").Select(v => KeyValuePair.Create("Origin", v))),
        (1, Gen.OneOf("PUT", "get", "").Select(v => KeyValuePair.Create("Access-Control-Request-Method", v))),
        (1, Gen.OneOf("true", "TRUE", "1").Select(v => KeyValuePair.Create("X-Pretty-Print", v))),
        (1, Gen.OneOf("Bearer ", "Bearer x.y.z", "Basic abc", "Bearer été").Select(v => KeyValuePair.Create("Authorization", v))),
        (1, OddText.Select(v => KeyValuePair.Create("X-Auth-Token", v))),
        (1, Gen.OneOf("PUT", "DELETE").Select(v => KeyValuePair.Create("X-Http-Method-Override", v))),
        (1, OddText.Select(v => KeyValuePair.Create("X-Odd", v))),
        (1, Gen.OneOf("text/csv", "application/json", "*/*").Select(v => KeyValuePair.Create("Accept", v))));

    public static readonly Gen<KeyValuePair<string, string>[]> Headers = Gen.Frequency(
        (5, Gen.Const(Array.Empty<KeyValuePair<string, string>>())),
        (5, Header.Array[1, 4]));

    public static readonly Gen<FuzzToken> Token = Gen.Frequency(
        (30, Gen.Const(FuzzToken.Own)),
        (3, Gen.Const(FuzzToken.None)),
        (3, Gen.Const(FuzzToken.Garbage)),
        (2, Gen.Const(FuzzToken.Query)),
        (2, Gen.Const(FuzzToken.Bearer)));

    public static readonly Gen<string?> ContentType = Gen.Frequency(
        (20, Gen.Const<string?>("application/json")),
        (2, Gen.Const((string?)null)),
        (1, Gen.OneOf<string?>("text/plain", "application/json; charset=utf-16", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "APPLICATION/JSON", "application/x-json", "application/json; charset=\"ü\"")));

    /// <summary>The whole request.</summary>
    public static readonly Gen<FuzzRequest> Request = Gen.Select(
        Method,
        Path,
        Query,
        Headers,
        Token,
        ContentType,
        FuzzBodies.Body,
        Gen.Int[0, 9],
        (method, path, query, headers, token, contentType, body, roll) =>
        {
            // reads mostly go without a body, writes mostly with one
            var withBody = method.ToUpperInvariant() is "GET" or "HEAD" or "DELETE" or "OPTIONS" ? roll < 2 : roll < 9;
            return new FuzzRequest(method, path, query, headers, token, withBody ? contentType : null, withBody ? body : null);
        });

    /// <summary>Bytes of a string as UTF-8.</summary>
    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
