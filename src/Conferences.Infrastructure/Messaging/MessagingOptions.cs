namespace Conferences.Infrastructure.Messaging;

/// <summary>The <c>Messaging</c> configuration section (docs/operations.md).</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public const string InProcess = "inprocess";

    public const string RabbitMq = "rabbitmq";

    /// <summary><c>inprocess</c> (embedded, default) or <c>rabbitmq</c>.</summary>
    public string Provider { get; set; } = InProcess;
}
