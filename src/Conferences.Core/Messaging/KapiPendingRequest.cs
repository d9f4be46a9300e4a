namespace Conferences.Core.Messaging;

// The replies of one Msg-ID while its requester waits; replies after Close are ignored.
internal sealed class KapiPendingRequest
{
    private readonly Lock gate = new();
    private readonly List<JsonObject> accepted = [];
    private readonly List<JsonObject> rejected = [];
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int? stopAt;
    private readonly Func<IReadOnlyList<JsonObject>, bool>? condition;
    private readonly Func<JsonObject, bool>? isValid;
    private bool closed;

    private KapiPendingRequest(int? stopAt, Func<IReadOnlyList<JsonObject>, bool>? condition, Func<JsonObject, bool>? isValid)
    {
        this.stopAt = stopAt;
        this.condition = condition;
        this.isValid = isValid;
    }

    // Every correlated reply counts (error replies too).
    public static KapiPendingRequest Collect(KapiCollectUntil until) => new(until.Replies, until.Condition, null);

    // Only valid replies count; the first completes.
    public static KapiPendingRequest Call(Func<JsonObject, bool> isValid) => new(1, null, isValid);

    public Task Completion => completion.Task;

    public void Offer(JsonObject reply)
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }
            if (isValid is not null && !isValid(reply))
            {
                rejected.Add(reply);
                return;
            }
            accepted.Add(reply);
            if (accepted.Count >= stopAt || (condition is not null && condition(accepted.AsReadOnly())))
            {
                closed = true;
                completion.TrySetResult();
            }
        }
    }

    public (IReadOnlyList<JsonObject> Accepted, IReadOnlyList<JsonObject> Rejected) Close()
    {
        lock (gate)
        {
            closed = true;
            return ([.. accepted], [.. rejected]);
        }
    }
}
