namespace Conferences.Infrastructure.Messaging;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public const string InProcess = "inprocess";

    public const string RabbitMq = "rabbitmq";

    /// <summary><c>inprocess</c> (embedded, default) or <c>rabbitmq</c>.</summary>
    public string Provider { get; set; } = InProcess;
}
