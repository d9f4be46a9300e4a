namespace Conferences.Core.Crossbar;

/// <summary>
/// The conditional-request rules crossbar inherits from cowboy_rest (RFC 9110 §13.1), all of them in one place:
/// a PUT carrying any <c>If-Match</c> is 412; POST, PATCH and DELETE need <c>If-Match</c> to name the current
/// revision (or <c>*</c>); a GET whose <c>If-None-Match</c> names the current revision is answered 304.
/// </summary>
public sealed record Preconditions
{
    public static readonly Preconditions None = new();

    /// <summary>The entity tags of <c>If-Match</c>, unquoted; null when the header is absent.</summary>
    public IReadOnlyList<string>? IfMatch { get; init; }

    /// <summary>The entity tags of <c>If-None-Match</c>, unquoted (weak tags compare by their opaque part).</summary>
    public IReadOnlyList<string> IfNoneMatch { get; init; } = [];

    /// <summary>Reads the header values as sent (several headers, or comma-separated lists, are one list).</summary>
    public static Preconditions FromHeaders(IEnumerable<string?> ifMatch, IEnumerable<string?> ifNoneMatch)
    {
        var match = Tags(ifMatch);
        return new() { IfMatch = match.Length == 0 ? null : match, IfNoneMatch = Tags(ifNoneMatch) };
    }

    /// <summary>
    /// cowboy treats every crossbar PUT as a PUT to a missing resource, which any <c>If-Match</c> fails
    /// (cowboy_rest:if_match_exists/2, RFC 9110 §13.1.1).
    /// </summary>
    public void EnsurePutAllowed()
    {
        if (IfMatch is not null)
        {
            throw KazooErrors.PreconditionFailed(null);
        }
    }

    /// <summary>POST/PATCH/DELETE: an <c>If-Match</c> that names neither <c>*</c> nor the current revision → 412.</summary>
    public void EnsureMatches(string? currentRevision)
    {
        if (IfMatch is { } tags && !tags.Any(t => t == "*" || t == currentRevision))
        {
            throw KazooErrors.PreconditionFailed(currentRevision);
        }
    }

    /// <summary>GET: <c>If-None-Match</c> naming the revision (or <c>*</c>) → 304 Not Modified (RFC 9110 §13.1.2).</summary>
    public bool NotModified(string? currentRevision) =>
        currentRevision is not null && IfNoneMatch.Any(t => t == "*" || t == currentRevision);

    private static string[] Tags(IEnumerable<string?> values) =>
    [
        .. values
            .SelectMany(v => (v ?? string.Empty).Split(','))
            .Select(t => t.Trim())
            .Select(t => t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t)
            .Select(t => t.Trim('"'))
            .Where(t => t.Length > 0),
    ];
}
