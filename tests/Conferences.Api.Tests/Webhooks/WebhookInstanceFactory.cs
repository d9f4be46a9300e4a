namespace Conferences.Api.Tests.Webhooks;

/// <summary>
/// One API instance over a store file and an intake queue that other instances in the test share, as instances
/// share CouchDB and RabbitMQ: on the embedded bus, or on the test broker (<paramref name="rabbitMq"/>).
/// </summary>
public sealed class WebhookInstanceFactory : ApiFactory
{
    public WebhookInstanceFactory(string storePath, string queue, bool rabbitMq = false, bool simulator = true, string? zone = null)
    {
        if (rabbitMq)
        {
            Settings.RabbitMq().QuickRecovery().Zone(zone ?? ApiSettings.NewZone("w")).Simulator(simulator);
        }
        Settings.Sqlite(storePath).FastSimulator().Webhooks(queue);
    }
}
