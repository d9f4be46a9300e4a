namespace Conferences.Infrastructure.Tests.Messaging;

/// <summary>One client of the bus under test (for RabbitMQ: one connection); the clients of a test share one broker.</summary>
public sealed record BusClient(IKapiPublisher Publisher, IKapiSubscriber Subscriber, IMessageBusHealth Health);
