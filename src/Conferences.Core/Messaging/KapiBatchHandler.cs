namespace Conferences.Core.Messaging;

/// <summary>Several messages of one subscription, in the order they came, all acknowledged when it returns and none when
/// the subscription ended while it ran; an exception drops them, as <see cref="KapiMessageHandler"/>'s does.</summary>
public delegate Task KapiBatchHandler(IReadOnlyList<KapiDelivery> deliveries, CancellationToken cancellationToken);
