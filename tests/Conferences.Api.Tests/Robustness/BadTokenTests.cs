using System.Security.Cryptography;
using Conferences.Core.Accounts;

namespace Conferences.Api.Tests.Robustness;

/// <summary>Bad tokens are 401/403/404, never 500 — even correctly signed ones with odd claims (docs/compatibility.md D9).</summary>
public sealed class BadTokenTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("..")]
    [InlineData("a.b.c.d")]
    [InlineData(Header + ".%%%.sig")]
    [InlineData(Header + ".e30.")]
    public async Task Unsigned_garbage_never_answers_500(string token)
    {
        var account = await api.NewAccountAsync();

        await AssertAllSourcesAsync(account, token);
        var longToken = new string('t', 10_000);
        await AssertAllSourcesAsync(account, longToken);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("{}")]
    [InlineData("hello")]
    [InlineData("{\"account_id\":5}")]
    [InlineData("{\"account_id\":null}")]
    [InlineData("{\"account_id\":\"{a}\",\"exp\":\"soon\"}")]
    [InlineData("{\"account_id\":\"{a}\",\"exp\":1e300}")]
    [InlineData("{\"account_id\":\"{a}\",\"exp\":99999999999999999999}")]
    [InlineData("{\"account_id\":\"{a}\",\"exp\":-1}")]
    [InlineData("{\"account_id\":\"{a}\"}")]
    [InlineData("{\"account_id\":\"{a}\",\"exp\":4102444800,\"superduper_admin\":\"yes\"}")]
    [InlineData("{\"account_id\":\"{a}\",\"exp\":4102444800,\"iat\":{}}")]
    [InlineData("{\"account_id\":\"{a}\",\"account_id\":\"{a}\",\"exp\":4102444800}")]
    [InlineData("{\"account_id\":\"abcdefabcdefabcdefabcdefabcdefab\",\"exp\":4102444800}")]
    [InlineData("{\"account_id\":\"short\",\"exp\":4102444800}")]
    public async Task Signed_tokens_with_odd_claims_never_answer_500(string payload)
    {
        var account = await api.NewAccountAsync();

        await AssertAllSourcesAsync(account, Sign(payload.Replace("{a}", account.Id, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic Zm9vOmJhcg==")]
    [InlineData("Negotiate abc")]
    public async Task Odd_authorization_headers_never_answer_500(string authorization)
    {
        var account = await api.NewAccountAsync();

        var answer = await api.SendAsync(HttpMethod.Get, account.Url("conferences"),
            configure: r => r.Headers.TryAddWithoutValidation("Authorization", authorization));

        NoServerError.Assert(answer);
    }

    private async Task AssertAllSourcesAsync(TestAccount account, string token)
    {
        var url = account.Url("conferences");
        NoServerError.Assert(await api.SendAsync(HttpMethod.Get, url, configure: r => r.Headers.TryAddWithoutValidation("X-Auth-Token", token)));
        NoServerError.Assert(await api.SendAsync(HttpMethod.Get, $"{url}?auth_token={Uri.EscapeDataString(token)}"));
        NoServerError.Assert(await api.SendAsync(HttpMethod.Put, url, Body.Data(new System.Text.Json.Nodes.JsonObject(), new() { ["auth_token"] = token })), "PUT");
        NoServerError.Assert(await api.SendAsync(HttpMethod.Get, url, configure: r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token)));
        NoServerError.Assert(await api.SendAsync(HttpMethod.Get, "/v2/accounts/short/conferences", configure: r => r.Headers.TryAddWithoutValidation("X-Auth-Token", token)));
    }

    /// <summary>A token in the service's format, signed with its own key, around any payload text.</summary>
    private string Sign(string payload)
    {
        var key = api.Services.GetRequiredService<SigningKeyHolder>().Key;
        var body = Base64Url(Encoding.UTF8.GetBytes(payload));
        var signature = Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Header}.{body}")));
        return $"{Header}.{body}.{signature}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
