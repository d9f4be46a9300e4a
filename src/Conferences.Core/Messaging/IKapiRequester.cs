namespace Conferences.Core.Messaging;

/// <summary>
/// Request/reply on the Kazoo bus, as <c>kz_amqp_worker</c> does it (<c>kz_amqp_worker.erl</c>): the request goes to
/// <c>conference</c> carrying this requester's reply address in <c>Server-ID</c> and a <c>Msg-ID</c>; replies
/// arrive on <c>targeted</c> with routing key <c>Server-ID</c>, and only those echoing the <c>Msg-ID</c> count.
/// </summary>
public interface IKapiRequester
{
    /// <summary>The reply address (queue name bound to <c>targeted</c>) put in every request's <c>Server-ID</c>.</summary>
    string ServerId { get; }

    /// <summary><c>call_collect</c>: publishes and gathers correlated replies until <paramref name="until"/> stops it.</summary>
    /// <exception cref="BusUnavailableException">the request could not be published.</exception>
    Task<KapiCollection> CollectAsync(KapiRequest request, KapiCollectUntil until, CancellationToken cancellationToken);

    /// <summary><c>call</c>: publishes and returns the first correlated reply passing <paramref name="isValid"/>.</summary>
    /// <exception cref="BusUnavailableException">the request could not be published.</exception>
    Task<KapiCallResult> CallAsync(KapiRequest request, Func<JsonObject, bool> isValid, TimeSpan timeout, CancellationToken cancellationToken);
}
