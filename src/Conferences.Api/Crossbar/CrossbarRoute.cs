namespace Conferences.Api.Crossbar;

/// <summary>
/// One <c>/v2</c> path shape and the verbs its actions answer, as the controllers' attribute routes declare them.
/// Literal segments and verbs compare case-sensitively: Kazoo's routes do, and methods are (RFC 9110 §9.1).
/// </summary>
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

    /// <summary>The shape as text, <c>{}</c> for a parameter: <c>v2/accounts/{}/conferences</c>.</summary>
    public string Shape => string.Join('/', _segments.Select(s => s ?? "{}"));

    public IReadOnlySet<string> Methods { get; }

    /// <summary>
    /// The verbs for <c>Allow</c> (405, cowboy_rest:allowed_methods/2) and <c>Access-Control-Allow-Methods</c>, which
    /// crossbar fills with the same list plus OPTIONS (api_util:add_cors_headers/2).
    /// </summary>
    public string Allow { get; }

    public bool Allows(string method) => Methods.Contains(method);

    /// <summary>Segments of a path without its leading slash and one optional trailing slash; a parameter is any non-empty segment.</summary>
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
