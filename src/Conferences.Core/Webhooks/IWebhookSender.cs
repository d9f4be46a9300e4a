namespace Conferences.Core.Webhooks;

/// <summary>
/// The port that makes the HTTP requests of one delivery: the first attempt and up to <see cref="WebhookRequest.Retries"/>
/// more on a timeout, a failure to connect or a non-2xx answer, with back-off, each signed afresh
/// (<see cref="WebhookSecret.Sign"/>) and reported to <paramref name="onAttempt"/> as it ends.
/// </summary>
public interface IWebhookSender
{
    /// <returns>the last attempt: it succeeded, or the retries are spent.</returns>
    Task<WebhookAttemptResult> SendAsync(WebhookRequest request, Func<WebhookAttemptResult, Task> onAttempt, CancellationToken cancellationToken);
}

/// <summary>What to send: <see cref="Body"/> is the exact JSON the signature covers.</summary>
public sealed record WebhookRequest(Uri Uri, string HttpVerb, int Retries, string Secret, string WebhookId, string EventId, byte[] Body);

/// <summary>
/// One attempt: when it started, the HTTP status (null when no answer came), the time to the answer's headers, and
/// the error (null on success).
/// </summary>
public sealed record WebhookAttemptResult(int Attempt, DateTimeOffset Started, int? Status, TimeSpan Latency, string? Error)
{
    public bool Succeeded => Error is null && Status is >= 200 and < 300;

    /// <summary>The delivery can never succeed (its body is too large): it is dropped, the webhook stays enabled.</summary>
    public bool Unsendable { get; init; }
}
