using System.Buffers;

namespace Conferences.Core.Conferences;

/// <summary>GET of a conference and of the list, rendered: the stored part of an answer is kept per store change
/// stamp (<see cref="ConferenceReadCache"/>), <c>_read_only</c> is added from the live state on every read
/// (docs/operations.md, "Caches"). The same bytes as rendering <see cref="ConferenceService.GetAsync"/> and
/// <see cref="ConferenceLister.ListAsync"/>.</summary>
public sealed class ConferenceReads(
    ConferenceStore conferences,
    ConferenceLookup lookup,
    ConferenceLister lister,
    ILiveConferences live,
    ConferenceReadCache cache,
    TimeProvider clock)
{
    private static readonly byte[] IdleWithParticipants = OpenObject.Bytes(ReadOnlyView.Idle(withParticipants: true));
    private static readonly byte[] IdleInList = OpenObject.Bytes(ReadOnlyView.Idle(withParticipants: false));
    private static readonly byte[] IdleMetadata = OpenObject.Bytes(ReadOnlyView.Metadata(null, 0));

    public async Task<RenderedDocument> GetAsync(CrossbarContext context, string conferenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stamp = await conferences.ChangeStampAsync(context.AccountId, ct).ConfigureAwait(false);
        if (stamp is { } current && cache.Document(context.AccountId, conferenceId, current) is { } cached)
        {
            var running = await live.FindAsync(context.AccountId, conferenceId, ct).ConfigureAwait(false);
            var now = Gregorian.Now(clock);
            if (cached.Answer is not { } answer || !answer.Fits(running, now))
            {
                answer = Render(cached.Public, running, now);
                cached.Answer = answer;
            }
            return new RenderedDocument(answer.Data, cached.Revision, answer.Metadata);
        }
        var conference = await lookup.LoadAsync(context.AccountId, conferenceId, ct).ConfigureAwait(false);
        var rendered = OpenObject.Render(conference.PublicView())!;
        var fresh = Render(rendered, conference.Live, Gregorian.Now(clock));
        if (stamp is { } taken && conference.Revision is { } revision)
        {
            // kept with the answer just rendered, so the next read of the same snapshot and second renders nothing
            cache.Keep(context.AccountId, conferenceId, new CachedConference(taken, revision, rendered) { Answer = fresh });
        }
        return new RenderedDocument(fresh.Data, conference.Revision, fresh.Metadata);
    }

    public async Task<RenderedList> ListAsync(CrossbarContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = PageRequest.From(context);
        var filter = CrossbarFilter.FromQuery(context.Query);
        var stamp = filter is null ? await conferences.ChangeStampAsync(context.AccountId, ct).ConfigureAwait(false) : null;
        if (stamp is not { } current)
        {
            return RenderedList.From(await lister.ListAsync(context, ct).ConfigureAwait(false));
        }
        var key = new PageKey(context.AccountId, request.Paginate, request.PageSize, request.StartKey, request.Descending);
        var page = cache.Page(key, current);
        if (page is null)
        {
            var listed = await lister.PageAsync(context.AccountId, request, filter, ct).ConfigureAwait(false);
            var rows = new List<(string? Id, OpenObject Item)>(listed.Rows.Count);
            foreach (var row in listed.Rows)
            {
                var item = ConferenceLister.Item(row.Value);
                if (OpenObject.Render(item) is not { } rendered)
                {
                    // a row that holds _read_only itself: rendered the long way, never kept
                    return RenderedList.From(await lister.ListAsync(context, ct).ConfigureAwait(false));
                }
                rows.Add((KazooJson.GetString(item, "id"), rendered));
            }
            page = new CachedPage(current, rows, listed.Paginated, listed.StartKey, listed.NextStartKey);
            cache.Keep(key, page);
        }
        return Render(page, await live.AccountAsync(context.AccountId, ct).ConfigureAwait(false));
    }

    private static RenderedConference Render(OpenObject stored, LiveConference? running, long now)
    {
        var readOnly = running is null ? IdleWithParticipants : RenderedReadOnly.For(running, now, withParticipants: true);
        var buffer = new ArrayBufferWriter<byte>(stored.Length + readOnly.Length + 16);
        stored.WriteClosed(buffer, readOnly);
        var metadata = running is null ? IdleMetadata : OpenObject.Bytes(ReadOnlyView.Metadata(running, now));
        return new RenderedConference(running, now, buffer.WrittenMemory, metadata);
    }

    // an idle page is the same bytes (and md5) until the stamp moves; one with running conferences for every read
    // within a second while none of its rows' snapshots changes
    private RenderedList Render(CachedPage page, LiveAccount account)
    {
        var now = Gregorian.Now(clock);
        var snapshots = new LiveConference?[page.Rows.Count];
        for (var i = 0; i < snapshots.Length; i++)
        {
            snapshots[i] = page.Rows[i].Id is { } id ? account.Find(id) : null;
        }
        var idle = Array.TrueForAll(snapshots, running => running is null);
        if (idle && page.Idle is { } idleList)
        {
            return idleList;
        }
        if (!idle && page.Running is { } kept && kept.Second == now && kept.Snapshots.AsSpan().SequenceEqual(snapshots, ReferenceEqualityComparer.Instance))
        {
            return kept.List;
        }
        var buffer = new ArrayBufferWriter<byte>(512 * (page.Rows.Count + 1));
        buffer.Write("["u8);
        for (var i = 0; i < page.Rows.Count; i++)
        {
            if (i > 0)
            {
                buffer.Write(","u8);
            }
            page.Rows[i].Item.WriteClosed(buffer, snapshots[i] is { } running ? RenderedReadOnly.For(running, now, withParticipants: false) : IdleInList);
        }
        buffer.Write("]"u8);
        var list = new RenderedList(buffer.WrittenMemory, page.Rows.Count, page.Paginated, page.StartKey, page.NextStartKey);
        if (idle)
        {
            page.Idle = list;
        }
        else
        {
            page.Running = new RunningPage(now, snapshots, list);
        }
        return list;
    }
}
