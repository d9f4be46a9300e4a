using System.Runtime.CompilerServices;

namespace Conferences.Core.Conferences;

/// <summary>A running conference's <c>_read_only</c> rendered once per snapshot and second: a snapshot never changes
/// and its durations count whole seconds, so every read within the second gets the same bytes (D5, D7).</summary>
public static class RenderedReadOnly
{
    private static readonly ConditionalWeakTable<LiveConference, Rendered> WithParticipants = new();
    private static readonly ConditionalWeakTable<LiveConference, Rendered> InList = new();

    public static byte[] For(LiveConference running, long nowGregorian, bool withParticipants)
    {
        ArgumentNullException.ThrowIfNull(running);
        var table = withParticipants ? WithParticipants : InList;
        if (table.TryGetValue(running, out var rendered) && rendered.Second == nowGregorian)
        {
            return rendered.Bytes;
        }
        var bytes = OpenObject.Bytes(ReadOnlyView.For(running, nowGregorian, withParticipants));
        table.AddOrUpdate(running, new Rendered(nowGregorian, bytes));
        return bytes;
    }

    private sealed record Rendered(long Second, byte[] Bytes);
}
