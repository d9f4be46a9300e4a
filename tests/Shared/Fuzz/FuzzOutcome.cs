using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conferences.Fuzz;

/// <summary>What a generated request got back, and the service's promises it broke (none, normally).</summary>
public sealed record FuzzOutcome(HttpStatusCode? Status, string? ContentType, byte[] Body, bool RefusedByServer, IReadOnlyList<string> Problems)
{
    public bool IsServerError => Status is { } s && (int)s >= 500;

    public bool IsTimeout => Problems.Any(p => p.StartsWith("timeout", StringComparison.Ordinal));

    public bool IsNotEnvelope => Problems.Any(p => p.StartsWith("not an envelope", StringComparison.Ordinal) || p.StartsWith("content-type", StringComparison.Ordinal));

    /// <summary>
    /// Checks one answer: never 5xx; every <c>/v1</c>, <c>/v2</c> answer is <c>application/json</c> and a Kazoo envelope,
    /// except where HTTP forbids a body (HEAD, 304) and the CORS pre-flight, which has none. The HTTP server may refuse
    /// bytes before the application runs (its own plain 400, <paramref name="refusedByServer"/>).
    /// </summary>
    public static FuzzOutcome Judge(FuzzRequest request, HttpStatusCode status, string? contentType, byte[] body, bool refusedByServer)
    {
        var problems = new List<string>();
        if ((int)status >= 500)
        {
            problems.Add($"5xx: {(int)status} {Preview(body)}");
        }
        var crossbar = request.Path.StartsWith("/v2", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWith("/v1", StringComparison.OrdinalIgnoreCase);
        if (crossbar && !refusedByServer)
        {
            if (contentType != "application/json")
            {
                problems.Add($"content-type '{contentType}' on {(int)status}");
            }
            // HttpClient sends a lower-case "head" as HEAD and reads no body of its answer
            var bodyless = request.Method == "HEAD" || status == HttpStatusCode.NotModified
                || (body.Length == 0 && request.Method.Equals("HEAD", StringComparison.OrdinalIgnoreCase))
                || (request.Method.Equals("OPTIONS", StringComparison.OrdinalIgnoreCase) && status == HttpStatusCode.OK && body.Length == 0);
            if (!bodyless && !IsEnvelope(body))
            {
                problems.Add($"not an envelope: {(int)status} {Preview(body)}");
            }
        }
        return new FuzzOutcome(status, contentType, body, refusedByServer, problems);
    }

    public static FuzzOutcome Timeout(TimeSpan limit) => new(null, null, [], false, [$"timeout: no answer within {limit.TotalSeconds:0} s"]);

    public static bool IsEnvelope(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject envelope
                && envelope["status"] is JsonValue status && status.GetValueKind() == JsonValueKind.String
                && status.GetValue<string>() is "success" or "error"
                && envelope.ContainsKey("request_id");
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Preview(byte[] body) =>
        body.Length == 0 ? "(empty)" : System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)));
}
