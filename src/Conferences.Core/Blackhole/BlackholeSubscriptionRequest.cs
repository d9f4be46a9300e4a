namespace Conferences.Core.Blackhole;

// Since and Snapshot: where the event bindings start (docs/websocket.md, "Cursors"); neither means Kazoo's live only.
internal sealed record BlackholeSubscriptionRequest(string AccountId, IReadOnlyList<ParsedBinding> Parsed)
{
    public BlackholeCursor? Since { get; init; }

    public bool Snapshot { get; init; }

    public bool Resumes => Since is not null || Snapshot;
}
