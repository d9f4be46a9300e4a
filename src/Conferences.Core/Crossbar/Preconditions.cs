namespace Conferences.Core.Crossbar;

/// <summary>Conditional requests as crossbar inherits them from cowboy_rest (RFC 9110 §13.1), in one place.</summary>
public sealed record Preconditions
{
    public static readonly Preconditions None = new();

    public IReadOnlyList<string>? IfMatch { get; init; }

    /// <summary>The entity tags of <c>If-None-Match</c>, unquoted (weak tags compare by their opaque part).</summary>
    public IReadOnlyList<string> IfNoneMatch { get; init; } = [];

    public static Preconditions FromHeaders(IEnumerable<string?> ifMatch, IEnumerable<string?> ifNoneMatch)
    {
        var match = Tags(ifMatch);
        return new() { IfMatch = match.Length == 0 ? null : match, IfNoneMatch = Tags(ifNoneMatch) };
    }

    /// <summary>cowboy treats every PUT as one to a missing resource, which any <c>If-Match</c> fails (RFC 9110
    /// §13.1.1).</summary>
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
