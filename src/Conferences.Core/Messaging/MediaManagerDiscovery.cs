namespace Conferences.Core.Messaging;

/// <summary>crossbar's <c>kz_amqp_worker:call_collect(Req, PubFun, {ecallmgr, true})</c>: until every known manager
/// answered.</summary>
public sealed class MediaManagerDiscovery(IKapiRequester requester, IMediaManagerDirectory directory)
{
    public Task<KapiCollection> SearchAsync(JsonObject searchRequest, CancellationToken cancellationToken) =>
        SearchAsync(searchRequest, KapiCollectUntil.DefaultTimeout, cancellationToken);

    public Task<KapiCollection> SearchAsync(JsonObject searchRequest, TimeSpan timeout, CancellationToken cancellationToken) =>
        CollectFromAllAsync(new KapiRequest(KapiRoutingKeys.Discovery, searchRequest), timeout, cancellationToken);

    /// <summary>Any request every media manager answers.</summary>
    public Task<KapiCollection> CollectFromAllAsync(KapiRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        requester.CollectAsync(request, KapiCollectUntil.Count(directory.Managers.Count, timeout), cancellationToken);
}
