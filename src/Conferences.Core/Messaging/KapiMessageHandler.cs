namespace Conferences.Core.Messaging;

/// <summary>
/// Handles one delivery. Deliveries of one subscription are handled one at a time, in queue order. The message is
/// acknowledged when the handler returns; an exception is logged and the message dropped (acknowledged, not
/// requeued), as Kazoo drops a message it cannot handle. The token is cancelled when the subscription ends.
/// </summary>
public delegate Task KapiMessageHandler(KapiDelivery delivery, CancellationToken cancellationToken);
