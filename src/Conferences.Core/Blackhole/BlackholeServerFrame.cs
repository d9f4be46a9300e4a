using System.Buffers;

namespace Conferences.Core.Blackhole;

/// <summary>The layout the server's replies and snapshots share: <c>action</c> first, two string members, <c>data</c>
/// last (events have their own, split in head and tail: <see cref="BlackholeEventFrame"/>).</summary>
internal static class BlackholeServerFrame
{
    public static byte[] Render(
        string action, (string Key, string? Value) first, (string Key, string? Value) second, Action<Utf8JsonWriter> writeData, int capacity)
    {
        var buffer = new ArrayBufferWriter<byte>(capacity);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(BlackholeProtocol.ActionKey, action);
            writer.WriteString(first.Key, first.Value);
            writer.WriteString(second.Key, second.Value);
            writer.WritePropertyName(BlackholeProtocol.DataKey);
            writeData(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
