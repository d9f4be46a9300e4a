namespace Conferences.Core.Conferences;

/// <summary><c>crossbar_view</c> listing with <c>crossbar_filter</c>; <c>_read_only</c> from the live state (D5,
/// D7).</summary>
public sealed class ConferenceLister(ConferenceStore conferences, ILiveConferences live, TimeProvider clock)
{
    private const int FilterBatch = 200;

    public async Task<ListResult> ListAsync(CrossbarContext context, CancellationToken ct)
    {
        var page = await PageAsync(context.AccountId, PageRequest.From(context), CrossbarFilter.FromQuery(context.Query), ct).ConfigureAwait(false);
        var items = new JsonArray();
        var running = await live.AccountAsync(context.AccountId, ct).ConfigureAwait(false);
        var now = Gregorian.Now(clock);
        foreach (var row in page.Rows)
        {
            items.Add(WithReadOnly(running, row.Value, now));
        }
        return new ListResult(items, page.Paginated, page.StartKey, page.NextStartKey);
    }

    /// <summary>The page's view rows, before <c>_read_only</c> is added to each.</summary>
    public async Task<ListedRows> PageAsync(string accountId, PageRequest page, CrossbarFilter? filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        // one row more than the page tells whether there is a next page; page_size may be int.MaxValue
        var wanted = page.Paginate ? (int)Math.Min(page.PageSize + 1L, int.MaxValue) : int.MaxValue;
        var rows = filter is null
            ? await conferences.QueryAsync(accountId, KazooViews.ConferenceListing, new ViewQuery
            {
                StartKey = page.StartKey,
                Descending = page.Descending,
                Limit = page.Paginate ? wanted : null,
            }, ct).ConfigureAwait(false)
            : await FilteredRowsAsync(accountId, page, filter, wanted, ct).ConfigureAwait(false);
        if (!page.Paginate)
        {
            return new ListedRows(rows, false, null, null);
        }
        var next = rows.Count > page.PageSize ? StartKeyCodec.Encode(rows[page.PageSize].Key) : null;
        var start = page.StartKey is null ? null : StartKeyCodec.Encode(page.StartKey);
        return new ListedRows([.. rows.Take(page.PageSize)], true, start, next);
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

    /// <summary>A row's value as the list shows it: a JSON object (a fresh one when the row has none).</summary>
    public static JsonObject Item(JsonNode? value) =>
        // view values are freshly parsed for this request, so they can be extended in place
        value is JsonObject { Parent: null } obj ? obj : value?.DeepClone() as JsonObject ?? new JsonObject();

    private static JsonObject WithReadOnly(LiveAccount running, JsonNode? value, long now)
    {
        var item = Item(value);
        var conference = KazooJson.GetString(item, "id") is { } id ? running.Find(id) : null;
        item["_read_only"] = ReadOnlyView.For(conference, now, withParticipants: false);
        return item;
    }
}

/// <summary>One page of the conference listing: its rows and crossbar's paging keys.</summary>
public sealed record ListedRows(IReadOnlyList<ViewRow> Rows, bool Paginated, string? StartKey, string? NextStartKey);
