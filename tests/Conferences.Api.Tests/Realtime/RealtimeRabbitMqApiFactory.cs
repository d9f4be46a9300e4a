namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// The API on RabbitMQ with no simulator of its own (the simulator runs in a host of its own, as the worker does).
/// Instances given one <c>databasePath</c> share the store, as several API instances share CouchDB.
/// </summary>
public sealed class RealtimeRabbitMqApiFactory : ApiFactory
{
    public RealtimeRabbitMqApiFactory(string brokerUrl, string databasePath) => Settings.Sqlite(databasePath)
        .RabbitMq(brokerUrl)
        .Set("RabbitMq:RecoveryInterval", "00:00:00.500")
        .Set("RabbitMq:ClientName", "conferences-realtime-tests")
        .Simulator(false);
}
