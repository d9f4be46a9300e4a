namespace Conferences.Api.Tests.KazooAuth;

/// <summary>Where Kazoo tokens are not accepted (the embedded default) and where Kazoo's key is missing.</summary>
public sealed class KazooTokensOffTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_kazoo_token_is_refused_where_only_own_tokens_are_configured()
    {
        var account = await api.NewAccountAsync();
        var token = KazooTokenMinter.FromPem(KazooTokenMinter.Pem(1), KazooTokenMinter.NewHex()).AccountToken(account.Id, null);

        var answer = await api.SendAsync(HttpMethod.Get, $"/v2/accounts/{account.Id}/conferences", null, r => r.Headers.Add("X-Auth-Token", token));

        answer.ExpectError(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal("healthy", (await api.SendAsync(HttpMethod.Get, "/health")).Json!["checks"]!["kazoo_auth"]!["status"]!.GetValue<string>());
    }
}

public sealed class KazooKeyMissingTests(KazooKeyMissingTests.Factory api) : IClassFixture<KazooKeyMissingTests.Factory>
{
    [Fact]
    public async Task Without_kazoos_key_own_tokens_work_kazoo_tokens_are_401_and_health_is_degraded_until_the_key_appears()
    {
        var account = await api.NewAccountAsync();
        var kazooToken = KazooTokenMinter.FromPem(KazooTokenMinter.Pem(1), KazooTokenMinter.NewHex()).AccountToken(account.Id, null);

        (await account.GetAsync("conferences")).ExpectStatus(HttpStatusCode.OK);
        (await api.SendAsync(HttpMethod.Get, $"/v2/accounts/{account.Id}/conferences", null, r => r.Headers.Add("X-Auth-Token", kazooToken)))
            .ExpectError(HttpStatusCode.Unauthorized, "invalid_credentials");
        var health = await api.SendAsync(HttpMethod.Get, "/health");
        Assert.Equal("degraded", health.Json!["status"]!.GetValue<string>());
        var check = health.Json["checks"]!["kazoo_auth"]!.AsObject();
        Assert.Equal("degraded", check["status"]!.GetValue<string>());
        Assert.Contains("system_key", check["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("healthy", health.Json["checks"]!["store"]!["status"]!.GetValue<string>());

        // Kazoo starts later and writes its key: used without a restart
        var kazoo = new KazooCluster(new EmbeddedKazooDocuments(api));
        await kazoo.StartAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        var user = await kazoo.UserAsync(account);

        (await kazoo.As(user).GetAsync("conferences")).ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("healthy", (await api.SendAsync(HttpMethod.Get, "/health")).Json!["checks"]!["kazoo_auth"]!["status"]!.GetValue<string>());
    }

    public sealed class Factory : ApiFactory
    {
        public Factory() => Settings.Set("KazooAuth:Enabled", "true").Set("KazooAuth:UnknownKeyLifetime", "00:00:00");
    }
}
