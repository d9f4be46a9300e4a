namespace Conferences.Api.Tests.Robustness;

/// <summary>Malformed and ill-typed bodies on every write endpoint are 4xx envelopes, never 500 (docs/compatibility.md D9).</summary>
public sealed class MalformedBodyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string> Bodies => new()
    {
        "{", "[", "nul", "\"text\"", "null", "5", "[]", "{}", "{\"data\":",
        "{\"data\":\"string\"}", "{\"data\":5}", "{\"data\":[1]}", "{\"data\":[]}", "{\"data\":null}", "{\"data\":true}",
        "{\"data\":{},\"data\":{}}", "{\"data\":{\"a\":1,\"a\":2}}", "{\"data\":{},\"DATA\":5}",
        "{\"data\":{\"name\":5}}", "{\"data\":{\"name\":null}}", "{\"data\":{\"name\":\"\\u0000\"}}",
        "{\"data\":{\"member\":\"x\"}}", "{\"data\":{\"member\":null}}", "{\"data\":{\"member\":[]}}",
        "{\"data\":{\"member\":{\"numbers\":\"5\"}}}", "{\"data\":{\"member\":{\"numbers\":[5,null,{}]}}}",
        "{\"data\":{\"conference_numbers\":{\"a\":1}}}", "{\"data\":{\"conference_numbers\":[\"1\",\"1\"]}}",
        "{\"data\":{\"profile\":5}}", "{\"data\":{\"profile\":[]}}", "{\"data\":{\"profile\":{\"rate\":\"abc\"}}}",
        "{\"data\":{\"id\":5}}", "{\"data\":{\"id\":\"\"}}", "{\"data\":{\"id\":\"_design/x\"}}", "{\"data\":{\"id\":{\"a\":1}}}",
        "{\"data\":{\"max_participants\":\"x\"}}", "{\"data\":{\"max_participants\":1e400}}",
        "{\"data\":{\"max_participants\":99999999999999999999999}}", "{\"data\":{\"max_participants\":1.5}}",
        "{\"data\":{\"flags\":\"x\"}}", "{\"data\":{\"play_entry_tone\":5}}", "{\"data\":{\"owner_id\":null}}",
        "{\"data\":{\"api_key\":{}}}", "{\"data\":{\"name\":{}}}", "{\"data\":{\"realm\":5,\"name\":\"r\"}}",
        "{\"data\":{},\"verb\":{}}", "{\"data\":{},\"verb\":5}", "{\"data\":{},\"auth_token\":5}", "{\"data\":{},\"auth_token\":{}}",
        "{\"data\":{},\"page_size\":{}}", "{\"data\":{\"page_size\":[]}}", "{\"data\":{\"should_soft_delete\":{}}}",
        "{\"data\":{\"x\":" + new string('[', 200) + new string(']', 200) + "}}",
        "{\"data\":{\"x\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100) + "}}",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Conference_writes_never_answer_500(string body)
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        foreach (var (method, path) in new[] { ("PUT", "conferences"), ("POST", $"conferences/{id}"), ("PATCH", $"conferences/{id}"), ("DELETE", $"conferences/{id}"), ("GET", "conferences"), ("PUT", $"conferences/{id}") })
        {
            NoServerError.Assert(await account.SendAsync(new HttpMethod(method), path, Body.Json(body)), $"{method} {path} {body}");
        }
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Account_and_auth_writes_never_answer_500(string body)
    {
        var account = await api.NewAccountAsync();

        NoServerError.Assert(await api.SendAsync(HttpMethod.Put, "/v2/api_auth", Body.Json(body)), $"PUT api_auth {body}");
        NoServerError.Assert(await account.SendAsync(HttpMethod.Put, $"/v2/accounts/{account.Id}", Body.Json(body)), $"PUT account {body}");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00 })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'d', (byte)'a', (byte)'t', (byte)'a', (byte)'"', (byte)':', (byte)'{', (byte)'"', (byte)'n', (byte)'"', (byte)':', (byte)'"', 0xC3, (byte)'"', (byte)'}', (byte)'}' })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'"', (byte)'d', (byte)'a', (byte)'t', (byte)'a', (byte)'"', (byte)':', (byte)'{', (byte)'}', (byte)'}' })]
    public async Task Bodies_that_are_not_utf8_never_answer_500(byte[] body)
    {
        var account = await api.NewAccountAsync();

        NoServerError.Assert(await account.SendAsync(HttpMethod.Put, "conferences", Body.Bytes(body)), Encoding.Latin1.GetString(body));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "a=b&c=d")]
    [InlineData("application/x-www-form-urlencoded", "{\"data\":{}}")]
    [InlineData("text/csv", "a,b")]
    [InlineData("multipart/form-data; boundary=x", "--x--")]
    [InlineData("application/json; charset=latin1", "{\"data\":{}}")]
    public async Task Odd_content_types_never_answer_500(string contentType, string body)
    {
        var account = await api.NewAccountAsync();

        NoServerError.Assert(await account.SendAsync(HttpMethod.Put, "conferences", Body.Raw(body, contentType)), contentType);
    }

    [Fact]
    public async Task Oversized_body_never_answers_500()
    {
        var account = await api.NewAccountAsync();
        var body = new byte[9_000_000];
        Array.Fill(body, (byte)' ');

        NoServerError.Assert(await account.SendAsync(HttpMethod.Put, "conferences", Body.Bytes(body)), "PUT 9 MB");
    }
}
