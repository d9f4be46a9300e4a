using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Conferences.Tests.Storage;

namespace Conferences.Api.Tests.Fixtures;

/// <summary>
/// The whole service behind a test server, started once per test class (xunit class fixture): its own temporary
/// SQLite file and a known master API key. Tests get a fresh child account each through <see cref="NewAccountAsync"/>.
/// A variant is a thin subclass whose constructor adds to <see cref="Settings"/> (RabbitMQ, CouchDB, simulator, zone…).
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string MasterApiKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private readonly TemporarySqliteFile _database = new("conferences-api");
    private readonly Lazy<Task<TestAccount>> _master;
    private Lazy<Uri>? _kestrel;

    public ApiFactory()
    {
        _master = new(() => AuthenticateAsync(MasterApiKey));
        Settings.Sqlite(_database.Path)
            .Set("Bootstrap:ApiKey", MasterApiKey)
            .Set("Serilog:MinimumLevel:Default", "Warning");
    }

    /// <summary>What the host starts with; subclasses add to it in their constructors.</summary>
    protected ApiSettings Settings { get; } = new();

    /// <summary>The master (super-duper admin) account, authenticated with <see cref="MasterApiKey"/>.</summary>
    public Task<TestAccount> MasterAsync() => _master.Value;

    /// <summary>A new child account of <paramref name="parent"/> (the master by default), authenticated with its own API key.</summary>
    public async Task<TestAccount> NewAccountAsync(TestAccount? parent = null, string? name = null)
    {
        parent ??= await MasterAsync();
        var created = await parent.SendAsync(HttpMethod.Put, $"/v2/accounts/{parent.Id}", Body.Data(new JsonObject { ["name"] = name ?? $"test {Guid.NewGuid():N}" }));
        created.ExpectStatus(HttpStatusCode.Created);
        var id = created.Data!["id"]!.GetValue<string>();
        var key = await parent.SendAsync(HttpMethod.Get, $"/v2/accounts/{id}/api_key");
        key.ExpectStatus(HttpStatusCode.OK);
        return await AuthenticateAsync(key.Data!["api_key"]!.GetValue<string>());
    }

    /// <summary>A new account (as <see cref="NewAccountAsync"/>) holding one new conference, <paramref name="document"/> or a
    /// minimal one.</summary>
    public async Task<(TestAccount Account, string Id)> NewAccountWithConferenceAsync(JsonObject? document = null)
    {
        var account = await NewAccountAsync();
        return (account, await account.CreateConferenceIdAsync(document));
    }

    /// <summary><c>PUT /v2/api_auth</c> with an API key → the account and its token.</summary>
    public async Task<TestAccount> AuthenticateAsync(string apiKey)
    {
        var answer = await SendAsync(HttpMethod.Put, "/v2/api_auth", Body.Data(new JsonObject { ["api_key"] = apiKey }));
        answer.ExpectStatus(HttpStatusCode.Created);
        return new TestAccount(this, answer.Data!["account_id"]!.GetValue<string>(), answer.Json!["auth_token"]!.GetValue<string>(), apiKey);
    }

    /// <summary>Sends a request without any credentials unless <paramref name="configure"/> adds some.</summary>
    public Task<Answer> SendAsync(HttpMethod method, string path, HttpContent? content = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        configure?.Invoke(request);
        return SendAsync(request);
    }

    public async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = BaseAddress });
        using var response = await client.SendAsync(request);
        return await Answer.ReadAsync(response);
    }

    /// <summary>Where real Kestrel listens after <see cref="ListenOnLoopback"/>, e.g. for a proxy in front of it.</summary>
    public Uri Address => _kestrel?.Value ?? throw new InvalidOperationException("this factory runs the in-memory test server");

    /// <summary>Where the client sends requests: the in-memory test server unless the factory listens on loopback.</summary>
    private Uri BaseAddress => _kestrel?.Value ?? new("http://localhost");

    /// <summary>
    /// Real Kestrel on a free loopback port, for what the in-memory test server cannot do: send <c>%00</c> in a path,
    /// TCP back-pressure, client addresses.
    /// </summary>
    protected void ListenOnLoopback()
    {
        UseKestrel(0);
        // keeps Program from binding its default http://127.0.0.1:8000
        Settings.Set("urls", "http://127.0.0.1:0");
        _kestrel = new(() =>
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => Settings.ApplyTo(builder);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }
        _database.Dispose();
    }
}
