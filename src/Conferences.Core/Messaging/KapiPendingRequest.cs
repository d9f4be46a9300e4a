namespace Conferences.Core.Messaging;

/// <summary>
/// The replies of one request (one <c>Msg-ID</c>) while its requester waits: collects them and completes
/// <see cref="Completion"/> when the stop rule says so. Replies offered after <see cref="Close"/> are ignored.
/// </summary>
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

    /// <summary>Every correlated reply counts (error replies too); stops at the count or condition.</summary>
    public static KapiPendingRequest Collect(KapiCollectUntil until) => new(until.Replies, until.Condition, null);

    /// <summary>Only replies passing <paramref name="isValid"/> count; the first one completes.</summary>
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

    /// <summary>Stops accepting replies and returns what arrived: (accepted, rejected).</summary>
    public (IReadOnlyList<JsonObject> Accepted, IReadOnlyList<JsonObject> Rejected) Close()
    {
        lock (gate)
        {
            closed = true;
            return ([.. accepted], [.. rejected]);
        }
    }
}
