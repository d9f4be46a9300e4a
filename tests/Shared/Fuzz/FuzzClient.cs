using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Conferences.Fuzz;

/// <summary>Sends generated requests through any <see cref="HttpClient"/> (the in-memory test server or a real one) and judges the answers.</summary>
public sealed class FuzzClient(HttpClient http, FuzzAccounts accounts, TimeSpan perRequest)
{
    public FuzzAccounts Accounts => accounts;

    public async Task<FuzzOutcome> SendAsync(FuzzRequest request)
    {
        using var message = Build(request);
        using var timeout = new CancellationTokenSource(perRequest);
        try
        {
            using var response = await http.SendAsync(message, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var contentType = response.Content.Headers.TryGetValues("Content-Type", out var values) ? string.Join(", ", values) : null;
            // the HTTP server's own refusals (bytes it will not parse) carry none of crossbar's headers
            var refused = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestHeaderFieldsTooLarge or HttpStatusCode.RequestUriTooLong
                && !response.Headers.Contains("X-Request-ID");
            return FuzzOutcome.Judge(request, response.StatusCode, contentType, body, refused);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return FuzzOutcome.Timeout(perRequest);
        }
    }

    public HttpRequestMessage Build(FuzzRequest request)
    {
        var query = request.Query;
        if (request.Token == FuzzToken.Query)
        {
            query = query.Length == 0 ? $"auth_token={accounts.Token}" : $"{query}&auth_token={accounts.Token}";
        }
        var uri = accounts.Fill(request.Path) + (query.Length == 0 ? string.Empty : "?" + query);
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(uri, UriKind.Relative));
        switch (request.Token)
        {
            case FuzzToken.Own:
                message.Headers.TryAddWithoutValidation("X-Auth-Token", accounts.Token);
                break;
            case FuzzToken.Garbage:
                message.Headers.TryAddWithoutValidation("X-Auth-Token", "garbage.token.value");
                break;
            case FuzzToken.Bearer:
                message.Headers.TryAddWithoutValidation("Authorization", $"Bearer {accounts.Token}");
                break;
            default:
                break;
        }
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }
        return message;
    }

    /// <summary>GET with the account's own token; null unless 200.</summary>
    public async Task<JsonObject?> GetAsync(string path, string? token = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        message.Headers.TryAddWithoutValidation("X-Auth-Token", token ?? accounts.Token);
        using var timeout = new CancellationTokenSource(perRequest);
        using var response = await http.SendAsync(message, timeout.Token).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }
        return JsonNode.Parse(await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false)) as JsonObject;
    }

    /// <summary>PUT a JSON envelope with <paramref name="token"/>; the answer's envelope.</summary>
    public async Task<JsonObject?> PutAsync(string path, JsonObject envelope, string? token)
    {
        using var message = new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(envelope.ToJsonString(), new MediaTypeHeaderValue("application/json")),
        };
        if (token is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        }
        using var response = await http.SendAsync(message).ConfigureAwait(false);
        return JsonNode.Parse(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)) as JsonObject;
    }
}
