using System.Net;

namespace Conferences.Api.Tests.Dial;

/// <summary>The OpenAPI document describes the action PUT with its envelope (action + data) and the dial answer.</summary>
public sealed class DialOpenApiTests(DialApiFactory api) : IClassFixture<DialApiFactory>
{
    [Fact]
    public async Task The_conference_action_put_is_documented()
    {
        var answer = await api.SendAsync(HttpMethod.Get, "/swagger/v2/swagger.json");

        answer.ExpectStatus(HttpStatusCode.OK);
        var put = answer.Json!["paths"]!["/v2/accounts/{account_id}/conferences/{conference_id}"]!["put"]!;
        Assert.NotNull(put["requestBody"]!["content"]!["application/json"]!["schema"]!["properties"]!["action"]);
        Assert.Equal("dial", (string?)put["requestBody"]!["content"]!["application/json"]!["example"]!["action"]);
        Assert.NotNull(put["responses"]!["201"]);
        Assert.NotNull(answer.Json["components"]!["schemas"]!["DialResult"]);
    }
}
