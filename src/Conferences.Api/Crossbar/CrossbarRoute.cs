namespace Conferences.Api.Crossbar;

/// <summary>One <c>/v2</c> path shape and its verbs; literals and verbs compare case-sensitively, as Kazoo's routes
/// do.</summary>
public sealed class CrossbarRoute
{
    // the order verbs are listed in Allow and Access-Control-Allow-Methods
    private static readonly string[] VerbOrder = ["GET", "PUT", "POST", "PATCH", "DELETE"];

    private readonly string?[] _segments;

    public CrossbarRoute(IReadOnlyList<string?> segments, IEnumerable<string> methods)
    {
        _segments = [.. segments];
        Methods = methods.ToHashSet(StringComparer.Ordinal);
        Allow = string.Join(", ", Methods.OrderBy(m => Array.IndexOf(VerbOrder, m) is var i and >= 0 ? i : VerbOrder.Length).ThenBy(m => m, StringComparer.Ordinal).Append("OPTIONS"));
    }

    public string Shape => string.Join('/', _segments.Select(s => s ?? "{}"));

    public IReadOnlySet<string> Methods { get; }

    /// <summary>For <c>Allow</c> (405) and <c>Access-Control-Allow-Methods</c>
    /// (<c>api_util:add_cors_headers/2</c>).</summary>
    public string Allow { get; }

    public bool Allows(string method) => Methods.Contains(method);

    public bool Matches(IReadOnlyList<string> pathSegments)
    {
        if (pathSegments.Count != _segments.Length)
        {
            return false;
        }
        for (var i = 0; i < _segments.Length; i++)
        {
            var matches = _segments[i] is { } literal
                ? string.Equals(literal, pathSegments[i], StringComparison.Ordinal)
                : pathSegments[i].Length > 0;
            if (!matches)
            {
                return false;
            }
        }
        return true;
    }
}
