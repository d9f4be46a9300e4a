namespace Conferences.Core.Messaging;

/// <summary>Request/reply as <c>kz_amqp_worker.erl</c> does it: <c>Server-ID</c> and <c>Msg-ID</c> correlate
/// (docs/amqp.md).</summary>
public interface IKapiRequester
{
    /// <summary>The reply address (queue name bound to <c>targeted</c>) put in every request's <c>Server-ID</c>.</summary>
    string ServerId { get; }

    /// <summary><c>call_collect</c>: gathers correlated replies until <paramref name="until"/> stops it.</summary>
    /// <exception cref="BusUnavailableException">the request could not be published.</exception>
    Task<KapiCollection> CollectAsync(KapiRequest request, KapiCollectUntil until, CancellationToken cancellationToken);

    /// <summary><c>call</c>: the first correlated reply passing <paramref name="isValid"/>.</summary>
    /// <exception cref="BusUnavailableException">the request could not be published.</exception>
    Task<KapiCallResult> CallAsync(KapiRequest request, Func<JsonObject, bool> isValid, TimeSpan timeout, CancellationToken cancellationToken);
}
