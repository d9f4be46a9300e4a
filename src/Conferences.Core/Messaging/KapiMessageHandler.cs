namespace Conferences.Core.Messaging;

/// <summary>One at a time per subscription; acknowledged on return, and dropped (not requeued) on an exception, as
/// Kazoo does.</summary>
public delegate Task KapiMessageHandler(KapiDelivery delivery, CancellationToken cancellationToken);
