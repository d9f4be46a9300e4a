namespace Conferences.Core.Blackhole;

/// <summary><c>{"action":"snapshot","subscribed_key":…,"cursor":…,"data":…}</c>: the conference as GET shows it, in
/// place of events the instance no longer holds (docs/websocket.md, "Snapshots").</summary>
public static class BlackholeSnapshotFrame
{
    /// <param name="cursor">the newest event the snapshot follows; null when the instance holds none.</param>
    public static byte[] Render(string subscribedKey, string? cursor, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return BlackholeServerFrame.Render(BlackholeProtocol.SnapshotAction,
            (BlackholeProtocol.SubscribedKeyKey, subscribedKey), (BlackholeProtocol.CursorKey, cursor), writer => data.WriteTo(writer), capacity: 1024);
    }
}
