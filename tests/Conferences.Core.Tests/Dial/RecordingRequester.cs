namespace Conferences.Core.Tests.Dial;

/// <summary>A test double of the request/reply port: records every call and answers with <see cref="Answer"/> (null = no reply).</summary>
internal sealed class RecordingRequester : IKapiRequester
{
    public List<(KapiRequest Request, TimeSpan Timeout)> Calls { get; } = [];

    /// <summary>The reply to a request message; null lets the call time out.</summary>
    public Func<JsonObject, JsonObject?> Answer { get; set; } = _ => null;

    public Exception? Failure { get; set; }

    public string ServerId => "conferences-test";

    public Task<KapiCallResult> CallAsync(KapiRequest request, Func<JsonObject, bool> isValid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Calls.Add((request, timeout));
        if (Failure is not null)
        {
            throw Failure;
        }
        var reply = Answer(request.Message);
        return Task.FromResult(reply is null || !isValid(reply)
            ? new KapiCallResult(null, reply is null ? [] : [reply])
            : new KapiCallResult(reply, []));
    }

    public Task<KapiCollection> CollectAsync(KapiRequest request, KapiCollectUntil until, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
