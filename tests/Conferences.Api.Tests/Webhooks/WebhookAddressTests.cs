namespace Conferences.Api.Tests.Webhooks;

/// <summary>
/// Without <c>Webhooks:AllowedNetworks</c>, a webhook URI whose host is or resolves to a loopback, private,
/// link-local or metadata address is refused when written (docs/webhooks.md, "Safety").
/// </summary>
public sealed class WebhookAddressTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://192.168.1.20/hook")]
    [InlineData("http://172.16.0.1/hook")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://0.0.0.0/hook")]
    public async Task Internal_addresses_are_refused_by_default(string uri)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.PutAsync(Webhooks.Path, Webhooks.Document(uri));

        var error = answer.ExpectValidationError("uri", "forbidden");
        Assert.Contains("Webhooks:AllowedNetworks", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_address_is_accepted()
    {
        var account = await api.NewAccountAsync();

        (await account.PutAsync(Webhooks.Path, Webhooks.Document())).ExpectStatus(HttpStatusCode.Created);
    }
}
