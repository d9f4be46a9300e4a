using System.Buffers;

namespace Conferences.Core.Blackhole;

/// <summary>
/// Server → client event frames (docs/websocket.md; <c>bh_events:event/3</c>, <c>blackhole_data_emitter:event/4</c>):
/// <c>{"action":"event","subscribed_key":…,"subscription_key":…,"name":…,"routing_key":…,"data":{…}}</c>.
/// <c>data</c> is the AMQP message without the optional default headers (<c>kz_api:public_fields/1</c>: all but
/// <c>Account-ID</c> and <c>Call-ID</c>), keys normalised (lower case, <c>-</c> → <c>_</c>, recursively), plus —
/// D8 — flat copies of the <c>Conference-Channel-Vars</c> (<c>is_moderator</c>, <c>speak</c>, <c>hear</c>,
/// <c>talking</c>, …) for readers of the legacy flat payload.
/// </summary>
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

    /// <param name="subscribedKey">the client binding exactly as the client sent it.</param>
    /// <param name="subscriptionKey">the AMQP binding it stands for.</param>
    /// <param name="name">the message's <c>Event-Name</c>.</param>
    /// <param name="routingKey">the routing key the message was published with.</param>
    /// <param name="data">from <see cref="RenderData"/>.</param>
    public static byte[] Render(string subscribedKey, string subscriptionKey, string? name, string routingKey, ReadOnlySpan<byte> data)
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
