namespace Conferences.Core.Conferences;

/// <summary>Rendered conferences and list pages, each valid while the store's change stamp it was taken under holds
/// (docs/operations.md, "Caches"). Bounded: a full map is emptied, and refills from the next reads.</summary>
public sealed class ConferenceReadCache
{
    /// <summary>At most this many conferences (a few KiB each).</summary>
    public const int MaxDocuments = 10_000;

    /// <summary>At most this many list pages (an account, page size, start key and order each).</summary>
    public const int MaxPages = 1_000;

    private readonly ConcurrentDictionary<(string Account, string Id), CachedConference> documents = new();
    private readonly ConcurrentDictionary<PageKey, CachedPage> pages = new();

    public CachedConference? Document(string accountId, string conferenceId, long stamp) =>
        documents.TryGetValue((accountId, conferenceId), out var cached) && cached.Stamp == stamp ? cached : null;

    public void Keep(string accountId, string conferenceId, CachedConference conference) =>
        Put(documents, (accountId, conferenceId), conference, MaxDocuments);

    public CachedPage? Page(PageKey key, long stamp) => pages.TryGetValue(key, out var cached) && cached.Stamp == stamp ? cached : null;

    public void Keep(PageKey key, CachedPage page) => Put(pages, key, page, MaxPages);

    private static void Put<TKey, TValue>(ConcurrentDictionary<TKey, TValue> map, TKey key, TValue value, int bound)
        where TKey : notnull
    {
        if (map.Count >= bound && !map.ContainsKey(key))
        {
            map.Clear();
        }
        map[key] = value;
    }
}

/// <summary>A stored conference's public fields, rendered, at one revision.</summary>
public sealed record CachedConference(long Stamp, string Revision, OpenObject Public)
{
    /// <summary>The last whole answer: for its live snapshot (null: idle) and second.</summary>
    public RenderedConference? Answer { get; set; }
}

/// <summary>A GET's <c>data</c> and <c>metadata</c> as rendered at <paramref name="Second"/> from
/// <paramref name="Snapshot"/>; the same for every read while neither changes.</summary>
public sealed record RenderedConference(LiveConference? Snapshot, long Second, ReadOnlyMemory<byte> Data, ReadOnlyMemory<byte> Metadata)
{
    public bool Fits(LiveConference? snapshot, long second) =>
        ReferenceEquals(Snapshot, snapshot) && (snapshot is null || Second == second);
}

/// <summary>What names one unfiltered list page.</summary>
public readonly record struct PageKey(string AccountId, bool Paginate, int PageSize, string? StartKey, bool Descending);

/// <summary>A list page's rows rendered without <c>_read_only</c>; <see cref="Idle"/> is the whole page while none of
/// them runs.</summary>
public sealed record CachedPage(long Stamp, IReadOnlyList<(string? Id, OpenObject Item)> Rows, bool Paginated, string? StartKey, string? NextStartKey)
{
    public RenderedList? Idle { get; set; }

    /// <summary>The last rendering with running rows: for its second and those rows' live snapshots.</summary>
    public RunningPage? Running { get; set; }
}

/// <summary>A page rendered at <paramref name="Second"/> with <paramref name="Snapshots"/> (by row, null: idle).</summary>
public sealed record RunningPage(long Second, LiveConference?[] Snapshots, RenderedList List);
