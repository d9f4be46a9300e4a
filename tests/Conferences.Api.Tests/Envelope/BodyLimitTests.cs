using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Conferences.Api.Tests.Envelope;

/// <summary>Bodies over crossbar's 8,000,000-byte limit (docs/compatibility.md D10).</summary>
public sealed class BodyLimitTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Limit = 8_000_000;

    [Fact]
    public async Task Body_over_the_limit_is_413_with_file_max_size()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Bytes(Envelope(Limit + 1)));

        answer.ExpectError(HttpStatusCode.RequestEntityTooLarge, "payload too large");
        var maxSize = answer.DataObject["file"]!["maxSize"]!;
        Assert.Equal(Limit, maxSize["target"]!.GetValue<long>());
        Assert.Equal("Payload or Files must not be more than 8000000 bytes", maxSize["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Body_over_the_limit_is_refused_before_authentication()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Bytes(Envelope(Limit + 1)), withToken: false);

        answer.ExpectStatus(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Chunked_body_without_content_length_over_the_limit_is_413()
    {
        var account = await api.NewAccountAsync();
        var content = new UnknownLengthContent(Envelope(Limit + 100_000));

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", content, r => r.Headers.TransferEncodingChunked = true);

        answer.ExpectError(HttpStatusCode.RequestEntityTooLarge, "payload too large");
        Assert.Equal(Limit, answer.DataObject["file"]!["maxSize"]!["target"]!.GetValue<long>());
    }

    [Fact]
    public async Task Chunked_body_under_the_limit_is_read()
    {
        var account = await api.NewAccountAsync();
        var content = new UnknownLengthContent("{\"data\":{\"name\":\"chunked\"}}"u8.ToArray());

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", content, r => r.Headers.TransferEncodingChunked = true);

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("chunked", answer.DataObject["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Body_of_exactly_the_limit_is_accepted()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Bytes(Envelope(Limit)));

        answer.ExpectStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Unsupported_content_type_on_put_is_415_once_authenticated()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Raw("""{"data":{}}""", "text/plain"));

        answer.ExpectError(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Unsupported_content_type_without_a_token_is_401_first()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Raw("""{"data":{}}""", "text/plain"), withToken: false);

        answer.ExpectError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/x-json")]
    [InlineData(null)]
    public async Task Json_content_types_and_a_missing_content_type_are_read_as_json(string? contentType)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Raw("""{"data":{"name":"typed"}}""", contentType));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("typed", answer.DataObject["name"]!.GetValue<string>());
    }

    /// <summary>A valid create envelope of exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Envelope(int size)
    {
        const string head = """{"data":{"pad":""";
        const string tail = "\"}}";
        var builder = new StringBuilder(size);
        builder.Append(head).Append('"').Append('x', size - head.Length - 1 - tail.Length).Append(tail);
        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        Assert.Equal(size, bytes.Length);
        return bytes;
    }

    [Fact]
    public async Task The_413_names_the_configured_limit_whoever_refuses_the_body()
    {
        await using var small = new SmallBodyApiFactory();
        var account = await small.NewAccountAsync();
        var handler = small.Services.GetServices<IExceptionHandler>().Single();
        var http = new DefaultHttpContext { RequestServices = small.Services };
        http.Response.Body = new MemoryStream();

        var ours = await account.SendAsync(HttpMethod.Put, "conferences", Body.Bytes(Envelope(SmallBodyApiFactory.Limit + 1)));
        await handler.TryHandleAsync(http, new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge), CancellationToken.None);

        ours.ExpectError(HttpStatusCode.RequestEntityTooLarge, "payload too large");
        Assert.Equal("Payload or Files must not be more than 1000 bytes", ours.DataObject["file"]!["maxSize"]!["message"]!.GetValue<string>());
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, http.Response.StatusCode);
        var kestrels = System.Text.Json.Nodes.JsonNode.Parse(((MemoryStream)http.Response.Body).ToArray())!;
        Assert.Equal("Payload or Files must not be more than 1000 bytes", kestrels["data"]!["file"]!["maxSize"]!["message"]!.GetValue<string>());
        Assert.Equal(SmallBodyApiFactory.Limit, kestrels["data"]!["file"]!["maxSize"]!["target"]!.GetValue<long>());
    }

    private sealed class SmallBodyApiFactory : ApiFactory
    {
        public const int Limit = 1000;

        public SmallBodyApiFactory() => Settings.Set("Crossbar:MaxBodyBytes", $"{Limit}");
    }
}
