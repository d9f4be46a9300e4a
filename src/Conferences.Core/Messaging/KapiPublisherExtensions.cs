namespace Conferences.Core.Messaging;

/// <summary>The three ways this service and the media managers publish (docs/amqp.md, <c>kz_amqp_worker.erl</c>).</summary>
public static class KapiPublisherExtensions
{
    /// <summary>To <c>conference</c>: commands (<c>conference.command.{conf}</c>), dial, searches, events.</summary>
    public static Task PublishAsync(this IKapiPublisher publisher, string routingKey, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        return publisher.PublishAsync(KapiExchange.Conference, routingKey, message, cancellationToken);
    }

    /// <summary>
    /// A reply to a request: exchange <c>targeted</c>, routing key = the request's <c>Server-ID</c>. The reply must
    /// echo the request's <c>Msg-ID</c> or the requester discards it (<c>kz_amqp_worker.erl</c>).
    /// </summary>
    public static Task ReplyAsync(this IKapiPublisher publisher, string serverId, JsonObject reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentException.ThrowIfNullOrEmpty(serverId);
        return publisher.PublishAsync(KapiExchange.Targeted, serverId, reply, cancellationToken);
    }

    /// <summary>A node heartbeat (<see cref="KapiNodes.Advertise"/>) to the <c>nodes</c> fanout exchange.</summary>
    public static Task AdvertiseAsync(this IKapiPublisher publisher, JsonObject advertise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        return publisher.PublishAsync(KapiExchange.Nodes, string.Empty, advertise, cancellationToken);
    }
}
