namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

// the bus contract suites on a real RabbitMQ, every client its own connection
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqRoutingContract(RabbitMqBrokerFixture broker) : RoutingContract(new RabbitMqBusSource(broker));

[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqQueuesContract(RabbitMqBrokerFixture broker) : QueuesContract(new RabbitMqBusSource(broker));

[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqRequestsContract(RabbitMqBrokerFixture broker) : RequestsContract(new RabbitMqBusSource(broker));

[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqCollectContract(RabbitMqBrokerFixture broker) : CollectContract(new RabbitMqBusSource(broker));

[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqMediaManagersContract(RabbitMqBrokerFixture broker) : MediaManagersContract(new RabbitMqBusSource(broker));

[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqAvailabilityContract(RabbitMqBrokerFixture broker) : AvailabilityContract(new RabbitMqBusSource(broker));

[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqBatchContract(RabbitMqBrokerFixture broker) : BatchContract(new RabbitMqBusSource(broker));
