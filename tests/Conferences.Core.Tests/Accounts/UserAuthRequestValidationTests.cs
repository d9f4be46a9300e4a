namespace Conferences.Core.Tests.Accounts;

/// <summary>A <c>user_auth</c> request the <c>user_auth</c> schema refuses is 400 before any lookup.</summary>
public sealed class UserAuthRequestValidationTests
{
    private readonly UserAuthHarness harness = new();

    [Fact]
    public async Task Missing_credentials_are_400_required()
    {
        var error = await Assert.ThrowsAsync<CrossbarException>(() => harness.LoginAsync(new JsonObject { ["account_name"] = "Any" }));

        Assert.Equal(400, error.Status);
        Assert.Equal("Field is required but missing", (string?)error.ErrorData!["credentials"]!["required"]!["message"]);
    }

    [Theory]
    [InlineData("""{"credentials":"abc","method":"plain"}""", "method", "enum")]
    [InlineData("""{"credentials":""}""", "credentials", "minLength")]
    [InlineData("""{"credentials":42}""", "credentials", "type")]
    [InlineData("""{"credentials":"abc","account_name":""}""", "account_name", "minLength")]
    [InlineData("""{"credentials":"abc","account_realm":"a b c d"}""", "account_realm", "pattern")]
    public async Task Data_the_schema_refuses_is_400_naming_the_field(string data, string field, string rule)
    {
        var error = await Assert.ThrowsAsync<CrossbarException>(() => harness.LoginAsync((JsonObject)JsonNode.Parse(data)!));

        Assert.Equal(400, error.Status);
        Assert.NotNull(error.ErrorData![field]?[rule]);
    }

    [Fact]
    public async Task Data_that_is_not_an_object_is_400_data_type()
    {
        var error = await Assert.ThrowsAsync<CrossbarException>(() => harness.Service.AuthenticateAsync(new JsonArray("x"), CancellationToken.None));

        Assert.Equal(400, error.Status);
        Assert.NotNull(error.ErrorData!["data"]?["type"]);
    }
}
