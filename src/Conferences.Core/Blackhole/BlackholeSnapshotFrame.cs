using System.Buffers;

namespace Conferences.Core.Blackhole;

/// <summary><c>{"action":"snapshot","subscribed_key":…,"cursor":…,"data":…}</c>: the conference as GET shows it, in
/// place of events the instance no longer holds (docs/websocket.md, "Snapshots").</summary>
public static class BlackholeSnapshotFrame
{
    /// <param name="cursor">the newest event the snapshot follows; null when the instance holds none.</param>
    public static byte[] Render(string subscribedKey, string? cursor, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(BlackholeProtocol.ActionKey, BlackholeProtocol.SnapshotAction);
            writer.WriteString(BlackholeProtocol.SubscribedKeyKey, subscribedKey);
            writer.WriteString(BlackholeProtocol.CursorKey, cursor);
            writer.WritePropertyName(BlackholeProtocol.DataKey);
            data.WriteTo(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
