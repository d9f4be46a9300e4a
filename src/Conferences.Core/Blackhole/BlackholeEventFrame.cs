using System.Buffers;

namespace Conferences.Core.Blackhole;

/// <summary><c>blackhole_data_emitter:event/4</c>'s frames plus D8's flat channel vars (docs/websocket.md).</summary>
public static class BlackholeEventFrame
{
    private static readonly HashSet<string> RemovedHeaders =
        [.. KapiHeaders.Optional.Where(h => h is not KapiHeaders.AccountId and not KapiHeaders.CallId)];

    /// <summary>The <c>data</c> object of the frames of one delivery, rendered once for all its client bindings.</summary>
    public static byte[] RenderData(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
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
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Kazoo's frame plus <c>cursor</c> when the event has one (docs/websocket.md, "Cursors").</summary>
    public static byte[] Render(string subscribedKey, string subscriptionKey, string? name, string routingKey, ReadOnlySpan<byte> data,
        string? cursor = null)
    {
        var buffer = new ArrayBufferWriter<byte>(data.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(BlackholeProtocol.ActionKey, BlackholeProtocol.Event);
            writer.WriteString(BlackholeProtocol.SubscribedKeyKey, subscribedKey);
            writer.WriteString(BlackholeProtocol.SubscriptionKeyKey, subscriptionKey);
            writer.WriteString(BlackholeProtocol.NameKey, name);
            writer.WriteString(BlackholeProtocol.RoutingKeyKey, routingKey);
            if (cursor is not null)
            {
                writer.WriteString(BlackholeProtocol.CursorKey, cursor);
            }
            writer.WritePropertyName(BlackholeProtocol.DataKey);
            writer.WriteRawValue(data, skipInputValidation: true);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The whole frame of one delivery for one client binding.</summary>
    public static byte[] Render(BlackholeBinding binding, KapiDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(delivery);
        return Render(binding.ClientBinding, binding.AmqpBinding, EventName(delivery.Message), delivery.RoutingKey, RenderData(delivery.Message));
    }

    public static string? EventName(JsonObject message) => KazooJson.GetString(message, KapiHeaders.EventName);

    // kz_json:normalize_jobj/1, written straight to the frame; of two keys that normalise alike the first is kept.
    private static void WriteNormalized(Utf8JsonWriter writer, HashSet<string> written, string key, JsonNode? value) =>
        NormalizedJsonWriter.WriteProperty(writer, written, key, value, KazooJson.NormalizeKey);
}
