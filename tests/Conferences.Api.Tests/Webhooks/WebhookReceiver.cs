using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Conferences.Api.Tests.Webhooks;

/// <summary>
/// An HTTP endpoint on loopback that records what webhooks send it and answers as the test says: a status per
/// request (<see cref="Answer"/>), or never (<see cref="Hang"/>).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<ReceivedDelivery> received = Channel.CreateUnbounded<ReceivedDelivery>();
    private readonly List<ReceivedDelivery> all = [];
    private int requests;

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Run(HandleAsync);
    }

    /// <summary>The status of the n-th request (1-based); 200 unless set.</summary>
    public Func<int, int> Answer { get; set; } = _ => 200;

    /// <summary>Never answer (until the receiver is disposed).</summary>
    public bool Hang { get; set; }

    public Uri Address { get; private set; } = null!;

    public int Requests => Volatile.Read(ref requests);

    public IReadOnlyList<ReceivedDelivery> All
    {
        get
        {
            lock (all)
            {
                return [.. all];
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.app.StartAsync();
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Address = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    /// <summary>The next request answered 2xx… or not: every request, in arrival order.</summary>
    public async Task<ReceivedDelivery> NextAsync(TimeSpan? deadline = null)
    {
        using var timeout = new CancellationTokenSource(deadline ?? Eventually.Deadline);
        return await received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The requests answered 2xx, until one with event <paramref name="last"/> arrives.</summary>
    public async Task<List<ReceivedDelivery>> AcceptedUntilAsync(string last)
    {
        var accepted = new List<ReceivedDelivery>();
        while (true)
        {
            var next = await NextAsync();
            if (next.Status is >= 200 and < 300)
            {
                accepted.Add(next);
                if (next.Event == last)
                {
                    return accepted;
                }
            }
        }
    }

    /// <summary>The first <paramref name="count"/> requests answered 2xx.</summary>
    public async Task<List<ReceivedDelivery>> AcceptedAsync(int count)
    {
        var accepted = new List<ReceivedDelivery>();
        while (accepted.Count < count)
        {
            var next = await NextAsync();
            if (next.Status is >= 200 and < 300)
            {
                accepted.Add(next);
            }
        }
        return accepted;
    }

    public async ValueTask DisposeAsync()
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await app.StopAsync(budget.Token);
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var n = Interlocked.Increment(ref requests);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var status = Hang ? 0 : Answer(n);
        var delivery = new ReceivedDelivery(context.Request.Method, body.ToArray(),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), status);
        lock (all)
        {
            all.Add(delivery);
        }
        received.Writer.TryWrite(delivery);
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        context.Response.StatusCode = status;
    }
}

/// <summary>One request a <see cref="WebhookReceiver"/> got, and the status it answered (0: none).</summary>
public sealed record ReceivedDelivery(string Method, byte[] Body, IReadOnlyDictionary<string, string> Headers, int Status)
{
    public JsonObject Json => (JsonObject)JsonNode.Parse(Body)!;

    public string Event => Json["event"]?.GetValue<string>() ?? string.Empty;

    public long Sequence => Json["sequence"]!.GetValue<long>();

    /// <summary>Whether the signature header is HMAC-SHA256 of <c>{timestamp}.{body}</c> with <paramref name="secret"/>.</summary>
    public bool IsSignedWith(string secret)
    {
        var timestamp = Headers["X-Conferences-Timestamp"];
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(Body).ToArray();
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Headers["X-Conferences-Signature"]));
    }
}
