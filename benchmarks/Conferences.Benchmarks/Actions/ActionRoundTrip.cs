using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Conferences.Benchmarks.Actions;

/// <summary>
/// The action round trip through HTTP: PUT <c>…/participants/{pid}</c> mute (or unmute), then GET
/// <c>…/participants/{pid}</c> as fast as it answers until the participant shows the change (<c>speak</c>). Behind
/// that: the command published and confirmed, the simulator executing it and publishing <c>mute-member</c>, the live
/// state applying the event. The bulk variant mutes (unmutes) every member with one PUT <c>…/participants</c> and
/// waits for the whole list to show it.
/// </summary>
public sealed class ActionRoundTrip(HttpClient http, Uri baseUri, string accountId, string token, string conferenceId)
{
    private bool muted;
    private bool bulkMuted;
    private bool appliedMuted;
    private bool keyedMuted;
    private bool plainMuted;

    private string Conference => $"{baseUri}/accounts/{accountId}/conferences/{conferenceId}";

    /// <summary>One single-participant round trip, alternating mute and unmute: total and PUT-only milliseconds.</summary>
    public async Task<(double TotalMs, double PutMs)> SingleAsync(long participantId)
    {
        muted = !muted;
        var started = Stopwatch.GetTimestamp();
        await PutAsync($"{Conference}/participants/{participantId}", muted ? "mute" : "unmute");
        var put = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        while (true)
        {
            var participant = (await GetAsync($"{Conference}/participants/{participantId}"))["data"]!;
            if (participant["speak"]!.GetValue<bool>() != muted)
            {
                return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, put);
            }
        }
    }

    /// <summary>
    /// PUT <c>…/participants/{pid}?wait=applied</c> mute (or unmute) until its answer: the service waits for the
    /// <c>mute-member</c> event itself, so no GET follows. Fails unless the answer says the change was confirmed.
    /// </summary>
    public async Task<double> AppliedAsync(long participantId)
    {
        appliedMuted = !appliedMuted;
        var started = Stopwatch.GetTimestamp();
        var answer = await PutAsync($"{Conference}/participants/{participantId}?wait=applied", appliedMuted ? "mute" : "unmute");
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return answer["metadata"]?["applied"]?.GetValue<string>() == "confirmed"
            ? elapsed
            : throw new InvalidOperationException($"wait=applied was not confirmed: {answer.ToJsonString()}");
    }

    /// <summary>The PUT alone with a new <c>Idempotency-Key</c> each time: the key claimed in the store, the answer kept.</summary>
    public async Task<double> KeyedPutAsync(long participantId)
    {
        keyedMuted = !keyedMuted;
        // the client's making of a key is not the service's cost
        var key = Guid.NewGuid().ToString("N");
        var started = Stopwatch.GetTimestamp();
        await PutAsync($"{Conference}/participants/{participantId}", keyedMuted ? "mute" : "unmute", key);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>The PUT alone without a key, alternating mute and unmute: measured in turn with <see cref="KeyedPutAsync"/>.</summary>
    public async Task<double> PlainPutAsync(long participantId)
    {
        plainMuted = !plainMuted;
        var started = Stopwatch.GetTimestamp();
        await PutAsync($"{Conference}/participants/{participantId}", plainMuted ? "mute" : "unmute");
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>One bulk round trip, alternating mute and unmute of every member.</summary>
    public async Task<double> BulkAsync()
    {
        bulkMuted = !bulkMuted;
        var started = Stopwatch.GetTimestamp();
        await PutAsync($"{Conference}/participants", bulkMuted ? "mute" : "unmute");
        while (true)
        {
            var participants = (await GetAsync($"{Conference}/participants"))["data"]!.AsArray();
            if (participants.All(p => p!["is_moderator"]!.GetValue<bool>() || p["speak"]!.GetValue<bool>() != bulkMuted))
            {
                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }
    }

    /// <summary>Polls the participants GET until it lists <paramref name="count"/> members (at most a minute).</summary>
    public async Task<JsonArray> WaitForParticipantsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var answer = await GetAsync($"{Conference}/participants", allowNotFound: true);
            if (answer["data"] is JsonArray list && list.Count == count)
            {
                return list;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{conferenceId} did not show {count} participants: {answer.ToJsonString()}");
            }
            await Task.Delay(50);
        }
    }

    private async Task<JsonNode> PutAsync(string url, string action, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = new StringContent($$"""{"data":{"action":"{{action}}"} }""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Auth-Token", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.Created
            ? JsonNode.Parse(body)!
            : throw new InvalidOperationException($"PUT {url} {action}: {(int)response.StatusCode} {body}");
    }

    private async Task<JsonNode> GetAsync(string url, bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Auth-Token", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK && !(allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {body}");
        }
        return JsonNode.Parse(body)!;
    }
}
