namespace Conferences.Core.Messaging;

/// <summary>The first reply that passed the validator, or none after the timeout; rejected replies for logs and
/// errors.</summary>
public sealed record KapiCallResult(JsonObject? Reply, IReadOnlyList<JsonObject> Rejected)
{
    public bool TimedOut => Reply is null;
}
