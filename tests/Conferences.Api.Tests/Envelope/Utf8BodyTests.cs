namespace Conferences.Api.Tests.Envelope;

/// <summary>A body that is not UTF-8 is malformed JSON (RFC 8259 §8.1): 400 <c>json.invalid</c>, nothing stored or run.</summary>
public sealed class Utf8BodyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary><c>{"data":{"name":"a?b"}}</c> where <c>?</c> is a lone continuation byte.</summary>
    private static readonly byte[] InvalidName = [.. "{\"data\":{\"name\":\"a"u8, 0x80, .. "b\"}}"u8];

    [Fact]
    public Task Create_with_invalid_utf8_is_400_json_invalid_and_stores_nothing() =>
        InvalidJson.AssertCreateRefusedAsync(api, Body.Bytes(InvalidName));

    [Theory]
    [InlineData("POST", "conferences/{id}", "{\"data\":{\"name\":\"x\"},\"x\":\"")]
    [InlineData("PATCH", "conferences/{id}", "{\"data\":{\"name\":\"")]
    [InlineData("PUT", "conferences/{id}", "{\"action\":\"lock\",\"data\":{\"x\":\"")]
    [InlineData("PUT", "conferences/{id}", "{\"action\":\"dial\",\"data\":{\"endpoints\":[\"")]
    [InlineData("PUT", "conferences/{id}", "{\"action\":\"record\",\"data\":{\"action\":\"start\",\"media_name\":\"")]
    [InlineData("PUT", "conferences/{id}/participants", "{\"data\":{\"action\":\"mute\",\"x\":\"")]
    [InlineData("PUT", "conferences/{id}/participants/1", "{\"data\":{\"action\":\"kick\",\"x\":\"")]
    [InlineData("PUT", "/v2/api_auth", "{\"data\":{\"api_key\":\"")]
    [InlineData("PUT", "/v2/user_auth", "{\"data\":{\"credentials\":\"")]
    public async Task Writes_with_invalid_utf8_are_400_json_invalid_and_change_nothing(string method, string path, string prefix)
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["name"] = "Original" });
        byte[] body = [.. Encoding.UTF8.GetBytes(prefix), 0xC3, 0x28, .. "\"}}"u8];

        var answer = await account.SendAsync(new HttpMethod(method), path.Replace("{id}", id, StringComparison.Ordinal), Body.Bytes(body));

        answer.ExpectValidationError("json", "invalid");
        var after = (await account.GetAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("Original", after.DataObject["name"]!.GetValue<string>());
        Assert.False(after.DataObject["_read_only"]!["is_locked"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"data":{"name":"\ud800"}}""")]
    [InlineData("""{"data":{"\udc00":"x"}}""")]
    [InlineData("""{"data":{"name":"a\ud800\u0041"}}""")]
    public Task Escapes_of_half_a_surrogate_pair_are_400_json_invalid(string body) =>
        InvalidJson.AssertCreateRefusedAsync(api, Body.Json(body));

    [Fact]
    public async Task A_whole_surrogate_pair_escape_is_text()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json("""{"data":{"name":"\ud83d\ude00"}}"""));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("\U0001F600", answer.DataObject["name"]!.GetValue<string>());
    }
}
