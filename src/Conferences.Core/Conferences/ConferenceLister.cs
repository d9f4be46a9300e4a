namespace Conferences.Core.Conferences;

/// <summary><c>crossbar_view</c> listing with <c>crossbar_filter</c>; <c>_read_only</c> from the live state (D5,
/// D7).</summary>
public sealed class ConferenceLister(ConferenceStore conferences, ILiveConferences live, TimeProvider clock)
{
    private const int FilterBatch = 200;

    public async Task<ListResult> ListAsync(CrossbarContext context, CancellationToken ct)
    {
        var page = PageRequest.From(context);
        var filter = CrossbarFilter.FromQuery(context.Query);
        // one row more than the page tells whether there is a next page; page_size may be int.MaxValue
        var wanted = page.Paginate ? (int)Math.Min(page.PageSize + 1L, int.MaxValue) : int.MaxValue;
        var rows = filter is null
            ? await conferences.QueryAsync(context.AccountId, KazooViews.ConferenceListing, new ViewQuery
            {
                StartKey = page.StartKey,
                Descending = page.Descending,
                Limit = page.Paginate ? wanted : null,
            }, ct).ConfigureAwait(false)
            : await FilteredRowsAsync(context.AccountId, page, filter, wanted, ct).ConfigureAwait(false);

        var items = new JsonArray();
        var running = await live.AccountAsync(context.AccountId, ct).ConfigureAwait(false);
        var now = Gregorian.Now(clock);
        foreach (var row in rows.Take(page.Paginate ? page.PageSize : rows.Count))
        {
            items.Add(WithReadOnly(running, row.Value, now));
        }
        if (!page.Paginate)
        {
            return new ListResult(items, false, null, null);
        }
        var next = rows.Count > page.PageSize ? StartKeyCodec.Encode(rows[page.PageSize].Key) : null;
        var start = page.StartKey is null ? null : StartKeyCodec.Encode(page.StartKey);
        return new ListResult(items, true, start, next);
    }

    private async Task<IReadOnlyList<ViewRow>> FilteredRowsAsync(
        string accountId, PageRequest page, CrossbarFilter filter, int wanted, CancellationToken ct)
    {
        var matched = new List<ViewRow>();
        var startKey = page.StartKey;
        var skipFirst = false;
        while (matched.Count < wanted)
        {
            var batch = await conferences.QueryAsync(accountId, KazooViews.ConferenceListing, new ViewQuery
            {
                StartKey = startKey,
                Descending = page.Descending,
                Limit = FilterBatch + (skipFirst ? 1 : 0),
                IncludeDocs = true,
            }, ct).ConfigureAwait(false);
            var fresh = skipFirst ? batch.Skip(1).ToList() : [.. batch];
            matched.AddRange(fresh.Where(row => row.Document is not null && filter.Matches(row.Document)).Take(wanted - matched.Count));
            if (fresh.Count < FilterBatch)
            {
                break;
            }
            startKey = batch[^1].Key;
            skipFirst = true;
        }
        return matched;
    }

    private static JsonObject WithReadOnly(LiveAccount running, JsonNode? value, long now)
    {
        // view values are freshly parsed for this request, so they can be extended in place
        var item = value is JsonObject { Parent: null } obj ? obj : value?.DeepClone() as JsonObject ?? new JsonObject();
        var conference = KazooJson.GetString(item, "id") is { } id ? running.Find(id) : null;
        item["_read_only"] = ReadOnlyView.For(conference, now, withParticipants: false);
        return item;
    }
}
