using System.Buffers;

namespace Conferences.Core.Blackhole;

/// <summary><c>blackhole_data_emitter:event/4</c>'s frames plus D8's flat channel vars (docs/websocket.md). A frame is
/// its head (the client's keys) and its tail (the event's), so one event's tail serves every socket.</summary>
public static class BlackholeEventFrame
{
    private static readonly HashSet<string> RemovedHeaders =
        [.. KapiHeaders.Optional.Where(h => h is not KapiHeaders.AccountId and not KapiHeaders.CallId)];

    private const int ScratchBytes = 4096;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? scratch;

    [ThreadStatic]
    private static Utf8JsonWriter? scratchWriter;

    /// <summary>The <c>data</c> object of the frames of one delivery.</summary>
    public static byte[] RenderData(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Write(writer => WriteData(writer, message));
    }

    /// <summary><c>{"action":"event","subscribed_key":…,"subscription_key":…</c>: one client binding's part of each
    /// frame, rendered once per binding.</summary>
    public static byte[] RenderHead(string subscribedKey, string subscriptionKey)
    {
        var whole = Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString(BlackholeProtocol.ActionKey, BlackholeProtocol.Event);
            writer.WriteString(BlackholeProtocol.SubscribedKeyKey, subscribedKey);
            writer.WriteString(BlackholeProtocol.SubscriptionKeyKey, subscriptionKey);
            writer.WriteEndObject();
        });
        return whole[..^1]; // without the closing brace: the tail's keys follow
    }

    /// <summary><c>{"name":…,"routing_key":…,"cursor":…,"data":…}</c>: the event's part of every frame, with
    /// <c>cursor</c> only when the event has one (docs/websocket.md, "Cursors"); rendered once per event.</summary>
    public static byte[] RenderTail(string? name, string routingKey, string? cursor, JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString(BlackholeProtocol.NameKey, name);
            writer.WriteString(BlackholeProtocol.RoutingKeyKey, routingKey);
            if (cursor is not null)
            {
                writer.WriteString(BlackholeProtocol.CursorKey, cursor);
            }
            writer.WritePropertyName(BlackholeProtocol.DataKey);
            WriteData(writer, message);
            writer.WriteEndObject();
        });
    }

    /// <summary>The whole frame: the head, then the tail's members after its opening brace.</summary>
    public static byte[] Compose(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail)
    {
        var frame = new byte[head.Length + tail.Length];
        head.CopyTo(frame);
        frame[head.Length] = (byte)',';
        tail[1..].CopyTo(frame.AsSpan(head.Length + 1));
        return frame;
    }

    /// <summary>The whole frame of one delivery for one client binding.</summary>
    public static byte[] Render(BlackholeBinding binding, KapiDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(delivery);
        return Compose(RenderHead(binding.ClientBinding, binding.AmqpBinding),
            RenderTail(EventName(delivery.Message), delivery.RoutingKey, null, delivery.Message));
    }

    public static string? EventName(JsonObject message) => KazooJson.GetString(message, KapiHeaders.EventName);

    // One scratch buffer and writer per thread: each event's rendering allocates only its result.
    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = scratch ??= new ArrayBufferWriter<byte>(ScratchBytes);
        buffer.ResetWrittenCount();
        var writer = scratchWriter ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        write(writer);
        writer.Flush();
        var rendered = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 16 * ScratchBytes)
        {
            (scratch, scratchWriter) = (null, null); // an unusually large event: not kept for the thread's life
        }
        return rendered;
    }

    private static void WriteData(Utf8JsonWriter writer, JsonObject message)
    {
        writer.WriteStartObject();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in message)
        {
            if (!RemovedHeaders.Contains(key))
            {
                WriteNormalized(writer, written, key, value);
            }
        }
        if (message[KapiKeys.ConferenceChannelVars] is JsonObject channelVars)
        {
            foreach (var (key, value) in channelVars)
            {
                WriteNormalized(writer, written, key, value);
            }
        }
        writer.WriteEndObject();
    }

    // kz_json:normalize_jobj/1, written straight to the frame; of two keys that normalise alike the first is kept.
    private static void WriteNormalized(Utf8JsonWriter writer, HashSet<string> written, string key, JsonNode? value) =>
        NormalizedJsonWriter.WriteProperty(writer, written, key, value, KazooJson.NormalizeKey);
}
