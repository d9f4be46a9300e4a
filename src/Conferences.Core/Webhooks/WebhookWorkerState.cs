namespace Conferences.Core.Webhooks;

/// <summary>A webhook's worker in this instance: the task, and whether new deliveries arrived since it last looked.</summary>
internal sealed class WebhookWorkerState
{
    private volatile bool poked;

    public Task Running { get; set; } = Task.CompletedTask;

    public bool Poked
    {
        get => poked;
        set => poked = value;
    }
}
