namespace Conferences.Core.Crossbar;

/// <summary><c>crossbar_view</c>'s options: <c>page_size</c> (default 50), <c>start_key</c>, <c>paginate</c>, sort
/// order.</summary>
public sealed record PageRequest(bool Paginate, int PageSize, string? StartKey, bool Descending)
{
    public const int DefaultPageSize = 50;

    public static PageRequest From(CrossbarContext context)
    {
        var paginate = context.RequestString("paginate") is not { } p || p == "true";
        var pageSize = DefaultPageSize;
        if (context.RequestString("page_size") is { } raw)
        {
            if (!int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out pageSize))
            {
                throw KazooErrors.FaultyRequest("invalid page size");
            }
            if (pageSize < 1)
            {
                throw KazooErrors.FaultyRequest("page size must be at least 1");
            }
        }
        var startKey = context.RequestString("start_key") is { Length: > 0 } key ? StartKeyCodec.Decode(key) : null;
        return new PageRequest(paginate, pageSize, startKey, IsDescending(context.Query));
    }

    // crossbar_view: descending unless ascending is set (to anything but false) without descending=true.
    private static bool IsDescending(IReadOnlyDictionary<string, string> query)
    {
        var ascending = query.TryGetValue("ascending", out var a) && a != "false";
        var descending = query.TryGetValue("descending", out var d) && d == "true";
        return !ascending || descending;
    }
}
