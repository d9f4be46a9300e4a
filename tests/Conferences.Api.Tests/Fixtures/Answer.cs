using System.Text.Json;

namespace Conferences.Api.Tests.Fixtures;

/// <summary>A response read completely: status, headers and the body parsed as a JSON envelope when it is one.</summary>
public sealed class Answer
{
    private Answer(HttpStatusCode status, Dictionary<string, string> headers, string body, JsonObject? json)
    {
        Status = status;
        Headers = headers;
        Body = body;
        Json = json;
    }

    public HttpStatusCode Status { get; }

    /// <summary>Response and content headers, names case-insensitive, multiple values joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Body { get; }

    /// <summary>The envelope, or null when the body is empty or not a JSON object.</summary>
    public JsonObject? Json { get; }

    public JsonNode? Data => Json?["data"];

    public JsonObject DataObject => Data as JsonObject ?? throw new InvalidOperationException($"data is not an object: {Body}");

    public JsonArray DataArray => Data as JsonArray ?? throw new InvalidOperationException($"data is not an array: {Body}");

    /// <summary>Envelope <c>message</c>: the error name of an error envelope.</summary>
    public string? Message => Json?["message"]?.GetValue<string>();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }
        var body = await response.Content.ReadAsStringAsync();
        JsonObject? json = null;
        try
        {
            json = body.Length == 0 ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            // not an envelope; tests look at Body
        }
        return new Answer(response.StatusCode, headers, body, json);
    }

    /// <summary>Fails with the whole body when the status is not the expected one (clearer than Assert.Equal alone).</summary>
    public Answer ExpectStatus(HttpStatusCode expected)
    {
        Assert.True(Status == expected, $"expected {(int)expected} but got {(int)Status}: {Body}");
        return this;
    }

    /// <summary>An error envelope with this status and error name.</summary>
    public Answer ExpectError(HttpStatusCode expected, string message)
    {
        ExpectStatus(expected);
        Assert.Equal("error", Json?["status"]?.GetValue<string>());
        Assert.Equal(((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture), Json?["error"]?.GetValue<string>());
        Assert.Equal(message, Message);
        return this;
    }

    /// <summary>The string <paramref name="key"/> of the envelope's <c>data</c> (an error's <c>message</c> or <c>cause</c>).</summary>
    public Answer ExpectData(string key, string expected)
    {
        Assert.Equal(expected, DataObject[key]!.GetValue<string>());
        return this;
    }

    /// <summary>A 400 validation error naming <paramref name="key"/> and <paramref name="rule"/>; returns that rule's object.</summary>
    public JsonObject ExpectValidationError(string key, string rule)
    {
        ExpectError(HttpStatusCode.BadRequest, "validation error");
        var detail = Data?[key]?[rule] as JsonObject;
        Assert.True(detail is not null, $"no data.{key}.{rule} in {Body}");
        return detail;
    }
}
