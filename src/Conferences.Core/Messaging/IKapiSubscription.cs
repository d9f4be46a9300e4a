namespace Conferences.Core.Messaging;

/// <summary>
/// A running consumer. Disposing it cancels the consumer and waits for a handler in progress, so no handler starts
/// after <see cref="IAsyncDisposable.DisposeAsync"/> returns (a handler may dispose its own subscription without
/// deadlock; it then finishes normally). An exclusive queue is deleted; a shared one keeps serving its other
/// subscribers and gets back the messages this one had not handled yet.
/// </summary>
public interface IKapiSubscription : IAsyncDisposable
{
    /// <summary>The queue consumed; for the reply queue of a requester this is its <c>Server-ID</c>.</summary>
    string QueueName { get; }
}
