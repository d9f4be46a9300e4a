namespace Conferences.Core.Messaging;

/// <summary>Disposing waits for a running handler, so none starts afterwards (docs/amqp.md, "Ports").</summary>
public interface IKapiSubscription : IAsyncDisposable
{
    /// <summary>The queue consumed; for the reply queue of a requester this is its <c>Server-ID</c>.</summary>
    string QueueName { get; }
}
