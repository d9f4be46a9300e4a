namespace Conferences.Api.Tests.Proxy;

/// <summary>
/// The deployment of docs/kazoo-cluster.md on loopback: this service on real Kestrel, a stand-in for Kazoo's
/// crossbar, and a real proxy in front of both, started once per test class. Accounts are made directly on the
/// service (<see cref="Api"/>): through the proxy, account creation is Kazoo's.
/// </summary>
public abstract class ProxyFixture(string binary, string name) : IAsyncLifetime
{
    private HttpClient? client;

    public KestrelApiFactory Api { get; } = new();

    public KazooCrossbarStandIn Kazoo { get; private set; } = null!;

    public ProxyProcess Proxy { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            Kazoo = await KazooCrossbarStandIn.StartAsync();
            Proxy = await StartProxyAsync(ProxyLaunch.Prepare(binary, name, Api.Address, Kazoo.Address));
            client = new HttpClient { BaseAddress = Proxy.Address };
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A request through the proxy, with <c>X-Auth-Token</c> when <paramref name="token"/> is given.</summary>
    public async Task<Answer> SendAsync(HttpMethod method, string path, string? token = null, HttpContent? content = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Add("X-Auth-Token", token);
        }
        configure?.Invoke(request);
        using var response = await client!.SendAsync(request);
        return await Answer.ReadAsync(response);
    }

    /// <summary>A Blackhole websocket through the proxy, at Monster UI's <c>api.socket</c> of docs/kazoo-cluster.md.</summary>
    public async Task<BlackholeClient> ConnectWebsocketAsync()
    {
        var socket = new ClientWebSocket();
        using var deadline = new CancellationTokenSource(BlackholeClient.Deadline);
        await socket.ConnectAsync(new Uri($"ws://{ProxyRecipe.HostPort(Proxy.Address)}/ws"), deadline.Token);
        return new BlackholeClient(socket);
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
        if (Kazoo is not null)
        {
            await Kazoo.DisposeAsync();
        }
        await Api.DisposeAsync();
    }

    protected abstract Task<ProxyProcess> StartProxyAsync(ProxyLaunch launch);
}
