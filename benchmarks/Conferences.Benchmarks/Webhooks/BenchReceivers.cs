using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conferences.Benchmarks.Webhooks;

/// <summary>
/// Webhook receivers on loopback, one Kestrel server each, answering 204 and noting when each event's delivery
/// arrived (its <c>custom_channel_vars.bench_seq</c>) on the benchmark's clock.
/// </summary>
internal sealed class BenchReceivers : IAsyncDisposable
{
    private readonly List<WebApplication> apps = [];

    /// <summary>(receiver, bench_seq) → arrival timestamp (Stopwatch ticks); a repeated pair counts as a duplicate.</summary>
    public ConcurrentDictionary<(int Receiver, long Seq), long> Arrivals { get; } = new();

    public int Duplicates => duplicates;

    public List<Uri> Addresses { get; } = [];

    private int duplicates;

    public static async Task<BenchReceivers> StartAsync(int count)
    {
        var receivers = new BenchReceivers();
        for (var i = 0; i < count; i++)
        {
            var index = i;
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.Run(context => receivers.ReceiveAsync(index, context));
            await app.StartAsync();
            receivers.apps.Add(app);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            receivers.Addresses.Add(new Uri(new Uri(address), $"/receiver{index}"));
        }
        return receivers;
    }

    /// <summary>Forgets the warm-up's arrivals and duplicates.</summary>
    public void Reset()
    {
        Arrivals.Clear();
        Interlocked.Exchange(ref duplicates, 0);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task ReceiveAsync(int receiver, HttpContext context)
    {
        var now = Stopwatch.GetTimestamp();
        var body = await JsonNode.ParseAsync(context.Request.Body);
        if (body?["custom_channel_vars"]?["bench_seq"]?.GetValue<long>() is { } seq && !Arrivals.TryAdd((receiver, seq), now))
        {
            Interlocked.Increment(ref duplicates);
        }
        context.Response.StatusCode = 204;
    }
}
