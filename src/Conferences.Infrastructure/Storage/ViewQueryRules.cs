namespace Conferences.Infrastructure.Storage;

// CouchDB's 400 query_parse_error cases; programming errors, so both adapters throw ArgumentException.
internal static class ViewQueryRules
{
    public static void Validate(ViewQuery query)
    {
        if (query.Keys is not null && (query.StartKey is not null || query.EndKey is not null))
        {
            throw new ArgumentException("`keys` is incompatible with `key`, `start_key` and `end_key`", nameof(query));
        }
        if (query.Limit < 0)
        {
            throw new ArgumentException("limit must be a non-negative integer", nameof(query));
        }
        if (query.StartKey is { } start && query.EndKey is { } end)
        {
            var order = Compare(start, end);
            if (query.Descending ? order < 0 : order > 0)
            {
                throw new ArgumentException(
                    $"No rows can match your key range, reverse your start_key and end_key or set descending={(query.Descending ? "false" : "true")}",
                    nameof(query));
            }
        }
    }

    // UTF-8 byte order, as SQLite's BINARY collation compares.
    public static int Compare(string left, string right) =>
        Encoding.UTF8.GetBytes(left).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(right));
}
