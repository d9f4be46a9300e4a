namespace Conferences.Core.Messaging;

public static class KapiPublisherExtensions
{
    public static Task PublishAsync(this IKapiPublisher publisher, string routingKey, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        return publisher.PublishAsync(KapiExchange.Conference, routingKey, message, cancellationToken);
    }

    /// <summary>To <c>targeted</c> by the request's <c>Server-ID</c>; it must echo the <c>Msg-ID</c>
    /// (<c>kz_amqp_worker.erl</c>).</summary>
    public static Task ReplyAsync(this IKapiPublisher publisher, string serverId, JsonObject reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentException.ThrowIfNullOrEmpty(serverId);
        return publisher.PublishAsync(KapiExchange.Targeted, serverId, reply, cancellationToken);
    }

    public static Task AdvertiseAsync(this IKapiPublisher publisher, JsonObject advertise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        return publisher.PublishAsync(KapiExchange.Nodes, string.Empty, advertise, cancellationToken);
    }
}
