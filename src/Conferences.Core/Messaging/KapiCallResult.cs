namespace Conferences.Core.Messaging;

/// <summary>
/// The outcome of a <c>call</c>: the first reply that passed the validator, or none when the timeout elapsed.
/// <paramref name="Rejected"/> holds the correlated replies that failed validation (for logs and errors).
/// </summary>
public sealed record KapiCallResult(JsonObject? Reply, IReadOnlyList<JsonObject> Rejected)
{
    public bool TimedOut => Reply is null;
}
