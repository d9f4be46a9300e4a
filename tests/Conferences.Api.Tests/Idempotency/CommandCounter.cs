using System.Threading.Channels;

namespace Conferences.Api.Tests.Idempotency;

/// <summary>
/// Every command published to <c>conference.command.{conf}</c>, as the bus delivers it, on a queue of its own. A
/// command sent after the ones counted (the sentinel) proves that they have all arrived: one queue keeps their order.
/// </summary>
internal sealed class CommandCounter : IAsyncDisposable
{
    private readonly Channel<string> commands = Channel.CreateUnbounded<string>();
    private IKapiSubscription? subscription;

    public static async Task<CommandCounter> ListenAsync(ApiFactory api, string conferenceId)
    {
        var counter = new CommandCounter();
        counter.subscription = await api.Services.GetRequiredService<IKapiSubscriber>().SubscribeAsync(KapiRoutingKeys.Command(conferenceId), (delivery, _) =>
        {
            counter.commands.Writer.TryWrite((string?)delivery.Message["Application-Name"] ?? "");
            return Task.CompletedTask;
        }, CancellationToken.None);
        return counter;
    }

    /// <summary>The applications of the commands that arrived before <paramref name="sentinel"/> (which the caller sends after its requests).</summary>
    public async Task<List<string>> UntilAsync(string sentinel)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = new List<string>();
        while (await commands.Reader.ReadAsync(deadline.Token) is var application && application != sentinel)
        {
            seen.Add(application);
        }
        return seen;
    }

    public async ValueTask DisposeAsync()
    {
        if (subscription is not null)
        {
            await subscription.DisposeAsync();
        }
    }
}
