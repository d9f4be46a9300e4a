namespace Conferences.Api.Tests.Fixtures;

/// <summary>
/// The configuration a test host starts with, composed one concern at a time by the factories' constructors. A value is
/// read when the host starts, so it may name a broker that a fixture starts later; a later setting of a key wins.
/// </summary>
public sealed class ApiSettings
{
    private readonly Dictionary<string, Func<string>> _values = new(StringComparer.Ordinal);

    public ApiSettings Set(string key, string value) => Set(key, () => value);

    public ApiSettings Set(string key, Func<string> value)
    {
        _values[key] = value;
        return this;
    }

    /// <summary><c>ConnectionStrings:Sqlite</c>: instances given one file share the store, as API instances share CouchDB.</summary>
    public ApiSettings Sqlite(string databasePath) => Set("ConnectionStrings:Sqlite", $"Data Source={databasePath}");

    /// <summary>
    /// <c>Storage:Provider=couchdb</c> on the test server of <c>CONFERENCES_TEST_COUCHDB</c>, with a call budget of seconds
    /// rather than the production 1.5 s: the shared in-memory test server stalls on a loaded machine, and these tests check
    /// behaviour (the budget itself is tested in the Infrastructure tests' CouchDbConfigurationTests).
    /// </summary>
    public ApiSettings CouchDb() => Set("Storage:Provider", "couchdb").Set("ConnectionStrings:CouchDb", () => TestServers.CouchDb)
        .Set("CouchDb:TotalTimeout", "00:00:15").Set("CouchDb:AttemptTimeout", "00:00:10");

    /// <summary><c>Messaging:Provider=rabbitmq</c> on the test broker of <c>CONFERENCES_TEST_RABBITMQ</c>.</summary>
    public ApiSettings RabbitMq() => RabbitMq(() => TestServers.Broker);

    public ApiSettings RabbitMq(string broker) => RabbitMq(() => broker);

    /// <summary>
    /// The webhook intake is off on the shared test broker unless <see cref="Webhooks"/> turns it on: its durable queue
    /// would outlive the test host and fill with every test's events.
    /// </summary>
    public ApiSettings RabbitMq(Func<string> broker) =>
        Set("Messaging:Provider", "rabbitmq").Set("ConnectionStrings:RabbitMq", broker).Set("Webhooks:Enabled", "false");

    /// <summary>
    /// Webhooks on, allowed to reach loopback receivers, quick to give up and retry, with the intake's durable queue
    /// <paramref name="queue"/> (instances sharing a store share it; others need their own on the shared test broker).
    /// </summary>
    public ApiSettings Webhooks(string queue) => Set("Webhooks:Enabled", "true")
        .Set("Webhooks:QueueName", queue)
        .Set("Webhooks:AllowedNetworks:0", "127.0.0.0/8")
        .Set("Webhooks:AllowedNetworks:1", "::1/128")
        .Set("Webhooks:Timeout", "00:00:00.500")
        .Set("Webhooks:RetryDelay", "00:00:00.020")
        .Set("Webhooks:PollInterval", "00:00:00.200")
        .Set("Webhooks:LeaseDuration", "00:00:03");

    /// <summary>
    /// Reconnects half a second after a broker restart, and waits up to 10 s to declare a queue: a loaded test machine
    /// (a broker booting beside it) can take more than the default 2 s.
    /// </summary>
    public ApiSettings QuickRecovery() =>
        Set("RabbitMq:RecoveryInterval", "00:00:00.500").Set("RabbitMq:OperationTimeout", "00:00:10");

    /// <summary><c>MediaServer:Simulator</c>: the built-in simulator of the media-server side, on or off.</summary>
    public ApiSettings Simulator(bool on) => Set("MediaServer:Simulator", on ? "true" : "false");

    /// <summary>The simulator's clock scaled down, so a <c>sip:noanswer@…</c> endpoint gives up after 1 % of the dial timeout instead of 20 s.</summary>
    public ApiSettings FastSimulator() =>
        Set("MediaServer:TimeScale", "0.01").Set("MediaServer:AnswerDelay", "00:00:00.010");

    /// <summary>
    /// Dials and the hosted simulator in <paramref name="zone"/>. Test classes share one broker and the dials of a zone
    /// share one queue, so a common zone would let another class's simulator take this one's dials.
    /// </summary>
    public ApiSettings Zone(string zone) => Set("Dial:Zone", zone).Set("MediaServer:Zone", zone);

    /// <summary>Kazoo tokens accepted, secrets trusted for <paramref name="secretLifetime"/>, keys reread on every miss.</summary>
    public ApiSettings KazooAuth(TimeSpan secretLifetime) => Set("KazooAuth:Enabled", "true")
        .Set("KazooAuth:SecretLifetime", secretLifetime.ToString())
        .Set("KazooAuth:KeyRereadInterval", "00:00:00");

    /// <summary>A zone name no other test class uses: <paramref name="prefix"/> and random hex, 12 characters.</summary>
    public static string NewZone(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..12];

    internal void ApplyTo(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _values)
        {
            builder.UseSetting(key, value());
        }
    }
}
