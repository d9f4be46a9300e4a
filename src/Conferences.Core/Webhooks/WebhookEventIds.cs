namespace Conferences.Core.Webhooks;

/// <summary>
/// The <c>event_id</c> of an event's deliveries: a hash of the bus message when it carries a <c>Msg-ID</c>, so an event
/// the broker hands over again (the intake stopped after its write, before the acknowledgement) gets the same id and a
/// receiver drops the copy; a random id for a message without one, which may repeat another's body.
/// </summary>
public static class WebhookEventIds
{
    public static string Of(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return KazooJson.GetString(message, KapiHeaders.MsgId) is { Length: > 0 }
            ? Convert.ToHexStringLower(SHA256.HashData(KazooJson.ToUtf8(message)))[..32]
            : KazooIds.NewId();
    }
}
