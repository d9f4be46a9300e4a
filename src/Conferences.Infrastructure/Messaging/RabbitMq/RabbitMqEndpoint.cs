namespace Conferences.Infrastructure.Messaging.RabbitMq;

/// <summary><c>ConnectionStrings:RabbitMq</c>, an AMQP URI as Kazoo's <c>amqp_uri</c>; <see cref="Display"/> has no
/// credentials.</summary>
public sealed record RabbitMqEndpoint(Uri Uri)
{
    public string Display => $"{Uri.Scheme}://{Uri.Host}:{(Uri.IsDefaultPort ? DefaultPort(Uri.Scheme) : Uri.Port)}{Uri.AbsolutePath}";

    public static bool TryParse(string? connectionString, out RabbitMqEndpoint endpoint, out string error)
    {
        endpoint = null!;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = $"ConnectionStrings:{RabbitMqOptions.ConnectionStringName} is not set (e.g. amqp://guest:guest@127.0.0.1:5672/)";
            return false;
        }
        if (!Uri.TryCreate(connectionString.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != "amqp" && uri.Scheme != "amqps")
            || string.IsNullOrEmpty(uri.Host))
        {
            error = $"ConnectionStrings:{RabbitMqOptions.ConnectionStringName} is not an amqp:// or amqps:// URI with a host";
            return false;
        }
        endpoint = new RabbitMqEndpoint(uri);
        error = string.Empty;
        return true;
    }

    private static int DefaultPort(string scheme) => scheme == "amqps" ? 5671 : 5672;
}
