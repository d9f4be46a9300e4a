namespace Conferences.Infrastructure.Tests.Messaging.InProcess;

// the bus contract suites on the embedded bus, one fresh bus per test
public sealed class InProcessRoutingContract() : RoutingContract(new InProcessBusSource());

public sealed class InProcessQueuesContract() : QueuesContract(new InProcessBusSource());

public sealed class InProcessRequestsContract() : RequestsContract(new InProcessBusSource());

public sealed class InProcessCollectContract() : CollectContract(new InProcessBusSource());

public sealed class InProcessMediaManagersContract() : MediaManagersContract(new InProcessBusSource());

public sealed class InProcessAvailabilityContract() : AvailabilityContract(new InProcessBusSource());

public sealed class InProcessBatchContract() : BatchContract(new InProcessBusSource());
