namespace Conferences.Core.Messaging;

/// <summary>
/// crossbar's <c>kz_amqp_worker:call_collect(Req, PubFun, {ecallmgr, true})</c> (<c>kz_amqp_worker.erl</c>, used by
/// <c>cb_conferences</c> for every search): publish, then wait until every known media manager answered — any
/// correlated reply counts, a <c>conference error</c> from a manager that does not host the conference too — or
/// until the timeout (2000 ms unless given), and use what arrived. No known manager: nothing is published and the
/// result is empty at once.
/// </summary>
public sealed class MediaManagerDiscovery(IKapiRequester requester, IMediaManagerDirectory directory)
{
    /// <summary>A <c>search_req</c> (<c>kapi_conference:search_req/1</c>) on <c>conference.discovery</c>.</summary>
    public Task<KapiCollection> SearchAsync(JsonObject searchRequest, CancellationToken cancellationToken) =>
        SearchAsync(searchRequest, KapiCollectUntil.DefaultTimeout, cancellationToken);

    public Task<KapiCollection> SearchAsync(JsonObject searchRequest, TimeSpan timeout, CancellationToken cancellationToken) =>
        CollectFromAllAsync(new KapiRequest(KapiRoutingKeys.Discovery, searchRequest), timeout, cancellationToken);

    /// <summary>Any request every media manager answers.</summary>
    public Task<KapiCollection> CollectFromAllAsync(KapiRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        requester.CollectAsync(request, KapiCollectUntil.Count(directory.Managers.Count, timeout), cancellationToken);
}
