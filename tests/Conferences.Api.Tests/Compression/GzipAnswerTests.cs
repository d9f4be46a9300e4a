using System.IO.Compression;
using Conferences.Api.Tests.Realtime;

namespace Conferences.Api.Tests.Compression;

/// <summary>
/// Answers over 300 bytes are gzip'd for clients that accept it, as Kazoo's crossbar does (docs/compatibility.md):
/// the decompressed body is the answer a client without <c>Accept-Encoding</c> gets, kept answers included.
/// </summary>
public sealed class GzipAnswerTests(ApiFactory api) : RealtimeHarness(api)
{
    [Fact]
    public async Task A_running_conference_gzipped_is_the_plain_answer_and_stays_so_when_kept()
    {
        var (account, id) = await RunningConferenceAsync("Zipped \"ü\"");

        // durations count whole seconds: compare answers that fell within one second
        for (var attempt = 0; ; attempt++)
        {
            var plain = await GetAsync(account, $"conferences/{id}", acceptEncoding: null);
            var first = await GetAsync(account, $"conferences/{id}", "gzip, deflate, br");
            var kept = await GetAsync(account, $"conferences/{id}", "gzip");
            if (attempt < 5 && !(SameAnswer(plain, first) && SameAnswer(plain, kept)))
            {
                continue;
            }
            Assert.True(SameAnswer(plain, first), $"{plain.Json}\n{first.Json}");
            Assert.True(SameAnswer(plain, kept), $"{plain.Json}\n{kept.Json}");
            Assert.Null(plain.ContentEncoding);
            Assert.Equal("gzip", first.ContentEncoding);
            Assert.Equal("gzip", kept.ContentEncoding);
            Assert.All(new[] { plain, first, kept }, a => Assert.Equal("Accept-Encoding", a.Vary));
            Assert.True(first.Wire.Length < plain.Wire.Length, $"{first.Wire.Length} of {plain.Wire.Length} bytes");
            Assert.Equal(first.Wire.Length, first.ContentLength);
            return;
        }
    }

    [Fact]
    public async Task A_list_and_an_error_are_gzipped_whole()
    {
        var account = await Api.NewAccountAsync();
        for (var i = 0; i < 5; i++)
        {
            await account.CreateConferenceIdAsync(new JsonObject { ["name"] = $"Listed {i}" });
        }
        var bad = new JsonObject { ["name"] = 5, ["member"] = new JsonObject { ["pins"] = "x", ["join_muted"] = "no" }, ["max_members"] = -3 };

        var list = await GetAsync(account, "conferences", "gzip");
        var error = await SendAsync(account, HttpMethod.Put, "conferences", "gzip", Body.Data(bad));

        Assert.Equal("gzip", list.ContentEncoding);
        Assert.Equal(5, list.Json!["data"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("gzip", error.ContentEncoding);
        Assert.Equal("validation error", (string?)error.Json!["message"]);
    }

    [Theory]
    [InlineData("gzip;q=0")]
    [InlineData("identity")]
    [InlineData("br, *;q=0")]
    public async Task A_client_that_does_not_take_gzip_gets_plain_bytes(string acceptEncoding)
    {
        var account = await Api.NewAccountAsync();
        await account.CreateConferenceIdAsync(new JsonObject { ["name"] = "Plain" });

        var list = await GetAsync(account, "conferences", acceptEncoding);

        Assert.Null(list.ContentEncoding);
        Assert.Equal("Accept-Encoding", list.Vary);
        Assert.Single(list.Json!["data"]!.AsArray());
    }

    [Fact]
    public async Task An_answer_of_300_bytes_or_less_is_not_compressed()
    {
        var answer = await SendAsync(null, HttpMethod.Get, "/v2/accounts/0123456789abcdef0123456789abcdef/conferences", "gzip");

        Assert.NotEqual(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Wire.Length <= 300, $"{answer.Wire.Length} bytes");
        Assert.Null(answer.ContentEncoding);
        Assert.Null(answer.Vary);
    }

    private static bool SameAnswer(Zipped a, Zipped b) =>
        JsonNode.DeepEquals(a.Json!["data"], b.Json!["data"]) && JsonNode.DeepEquals(a.Json["metadata"], b.Json["metadata"])
        && a.Json["revision"]?.ToString() == b.Json["revision"]?.ToString();

    private Task<Zipped> GetAsync(TestAccount account, string path, string? acceptEncoding) => SendAsync(account, HttpMethod.Get, path, acceptEncoding);

    private async Task<Zipped> SendAsync(TestAccount? account, HttpMethod method, string path, string? acceptEncoding, HttpContent? content = null)
    {
        using var client = Api.CreateClient();
        using var request = new HttpRequestMessage(method, path.StartsWith('/') ? path : $"/v2/accounts/{account!.Id}/{path}") { Content = content };
        if (account is not null)
        {
            request.Headers.Add("X-Auth-Token", account.Token);
        }
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        using var response = await client.SendAsync(request);
        var wire = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        var body = wire;
        if (encoding == "gzip")
        {
            using var gunzip = new GZipStream(new MemoryStream(wire), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            await gunzip.CopyToAsync(plain);
            body = plain.ToArray();
        }
        return new Zipped(response.StatusCode, wire, encoding, response.Headers.Vary.Count == 0 ? null : string.Join(", ", response.Headers.Vary),
            response.Content.Headers.ContentLength, JsonNode.Parse(body) as JsonObject);
    }

    private sealed record Zipped(HttpStatusCode Status, byte[] Wire, string? ContentEncoding, string? Vary, long? ContentLength, JsonObject? Json);
}
