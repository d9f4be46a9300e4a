using System.Globalization;
using System.Text.RegularExpressions;

namespace Conferences.Api.Tests.Envelope;

/// <summary>Success and error envelopes, request ids and content type (<c>api_util:create_resp_envelope/1</c>; docs/clients.md).</summary>
public sealed partial class ResponseEnvelopeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Success_envelope_carries_data_status_request_id_node_version_timestamp_revision_and_the_token()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.CreateConferenceAsync(new JsonObject { ["name"] = "Envelope" });

        var json = answer.Json!;
        Assert.Equal("success", json["status"]!.GetValue<string>());
        Assert.IsType<JsonObject>(json["data"]);
        Assert.False(string.IsNullOrEmpty(json["request_id"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(json["node"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(json["version"]!.GetValue<string>()));
        Assert.Matches(IsoTimestamp(), json["timestamp"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(json["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture, out _));
        Assert.Matches("^[0-9]+-", json["revision"]!.GetValue<string>());
        Assert.Equal(account.Token, json["auth_token"]!.GetValue<string>());
        Assert.False(json.ContainsKey("message"));
        Assert.False(json.ContainsKey("error"));
    }

    [Fact]
    public async Task Error_envelope_has_the_status_as_a_string_the_error_name_as_message_and_status_error()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync("conferences/does-not-exist");

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        var json = answer.Json!;
        Assert.Equal("404", json["error"]!.GetValue<string>());
        answer.ExpectData("cause", "does-not-exist");
        answer.ExpectData("message", "bad identifier");
        Assert.False(string.IsNullOrEmpty(json["request_id"]!.GetValue<string>()));
        Assert.Matches(IsoTimestamp(), json["timestamp"]!.GetValue<string>());
        Assert.Equal(account.Token, json["auth_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Envelope_without_a_token_has_no_auth_token()
    {
        var answer = await api.SendAsync(HttpMethod.Get, "/v2/accounts/0123456789abcdef0123456789abcdef/conferences");

        Assert.False(answer.Json!.ContainsKey("auth_token"));
    }

    [Fact]
    public async Task Request_id_sent_by_the_client_is_echoed_in_header_and_envelope()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync("conferences", r => r.Headers.Add("X-Request-ID", "my-request-42"));

        Assert.Equal("my-request-42", answer.Header("X-Request-ID"));
        Assert.Equal("my-request-42", answer.Json!["request_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Request_id_is_echoed_on_errors_too()
    {
        var answer = await api.SendAsync(HttpMethod.Get, "/v2/nowhere", configure: r => r.Headers.Add("X-Request-ID", "err-1"));

        answer.ExpectError(HttpStatusCode.NotFound, "not_found");
        Assert.Equal("err-1", answer.Header("X-Request-ID"));
        Assert.Equal("err-1", answer.Json!["request_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Request_id_is_generated_as_32_hex_characters_when_absent()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync("conferences");

        var id = answer.Json!["request_id"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, answer.Header("X-Request-ID"));
    }

    [Fact]
    public async Task Every_answer_has_content_type_application_json_exactly()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();
        var answers = new List<Answer>
        {
            await account.GetAsync("conferences"),
            await account.GetAsync($"conferences/{id}"),
            await account.PatchAsync($"conferences/{id}", new JsonObject { ["x"] = 1 }),
            await account.PostAsync($"conferences/{id}", new JsonObject { ["name"] = "n" }),
            await account.GetAsync($"conferences/{id}/participants"),
            await account.GetAsync("conferences/unknown"),
            await account.SendAsync(HttpMethod.Put, "conferences", Body.Json("{")),
            await account.SendAsync(HttpMethod.Post, "conferences", Body.Data(new JsonObject())),
            await account.SendAsync(HttpMethod.Put, "conferences", Body.Raw("x", "text/plain")),
            await account.GetAsync("conferences", r => r.Headers.Remove("X-Auth-Token")),
            await api.SendAsync(HttpMethod.Get, "/v1/accounts"),
            await api.SendAsync(HttpMethod.Get, "/v2/nowhere"),
            await account.DeleteAsync($"conferences/{id}"),
        };

        Assert.All(answers, a => Assert.Equal("application/json", a.Header("Content-Type")));
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")]
    private static partial Regex IsoTimestamp();
}
