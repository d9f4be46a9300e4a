namespace Conferences.Api.Tests.Idempotency;

/// <summary>Acting PUTs with an <c>Idempotency-Key</c> header.</summary>
internal static class IdempotencyRequests
{
    public const string Header = "Idempotency-Key";

    public static Action<HttpRequestMessage> WithKey(string key) => request => request.Headers.TryAddWithoutValidation(Header, key);

    /// <summary>PUT <c>/conferences/{id}</c> <c>{"action": action, "data": data}</c> under <paramref name="key"/> (none when null).</summary>
    public static Task<Answer> ConferenceActionAsync(this TestAccount account, string conferenceId, string action, string? key, JsonObject? data = null) =>
        account.SendAsync(HttpMethod.Put, $"conferences/{Uri.EscapeDataString(conferenceId)}",
            Body.Data(data ?? [], new JsonObject { ["action"] = action }), key is null ? null : WithKey(key));

    public static string NewKey() => $"key-{Guid.NewGuid():N}";

    /// <summary>Sends again while the answer is 409 in progress, as a client is told to: another instance may not have stored the first answer yet.</summary>
    public static async Task<Answer> UntilAnsweredAsync(Func<Task<Answer>> send)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answer = await send();
            if (answer.Status != HttpStatusCode.Conflict || attempt == 100)
            {
                return answer;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
