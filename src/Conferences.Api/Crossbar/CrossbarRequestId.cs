namespace Conferences.Api.Crossbar;

/// <summary>Decided once, before any log line (<c>api_resource:get_request_id/1</c>).</summary>
public static class CrossbarRequestId
{
    public const string Header = "X-Request-ID";

    private const int MaxLength = 128;

    private static readonly object DecidedKey = new();

    public static string Of(HttpContext http)
    {
        if (http.Items.ContainsKey(DecidedKey))
        {
            return http.TraceIdentifier;
        }
        var given = http.Request.Headers[Header];
        http.TraceIdentifier = given.Count == 1 && IsEchoable(given[0]) ? given[0]! : KazooIds.NewId();
        http.Items[DecidedKey] = true;
        return http.TraceIdentifier;
    }

    // only visible ASCII is portable in a response header (RFC 9110 §5.5), and ASP.NET refuses the rest
    private static bool IsEchoable(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.All(c => c is >= '!' and <= '~');
}
