namespace Conferences.Api.Tests.Realtime;

/// <summary>Reads of the realtime tests: GET, list item, participants, each polled until it shows what is expected.</summary>
internal static class LiveApi
{
    public static async Task<Answer> GetConferenceAsync(TestAccount account, string id) => await account.GetAsync($"conferences/{Uri.EscapeDataString(id)}");

    /// <summary>GET of the conference, polled until its <c>_read_only</c> satisfies <paramref name="accept"/>.</summary>
    public static Task<Answer> GetUntilAsync(TestAccount account, string id, Func<JsonObject, bool> accept, TimeSpan? deadline = null) =>
        Eventually.MatchAsync(
            () => GetConferenceAsync(account, id),
            answer => answer.Status == HttpStatusCode.OK && answer.DataObject["_read_only"] is JsonObject readOnly && accept(readOnly),
            deadline,
            $"GET conferences/{id}");

    public static Task<Answer> ParticipantsUntilAsync(TestAccount account, string id, Func<JsonArray, bool> accept, TimeSpan? deadline = null) =>
        Eventually.MatchAsync(
            () => account.GetAsync($"conferences/{Uri.EscapeDataString(id)}/participants"),
            answer => answer.Status == HttpStatusCode.OK && accept(answer.DataArray),
            deadline,
            $"GET conferences/{id}/participants");

    public static bool Counts(JsonObject readOnly, int members, int moderators) =>
        readOnly["members"]?.GetValue<int>() == members
        && readOnly["moderators"]?.GetValue<int>() == moderators
        && readOnly["admins"]?.GetValue<int>() == moderators
        && readOnly["participant_count"]?.GetValue<int>() == members + moderators;

    public static IEnumerable<string> CallIds(JsonArray participants) =>
        participants.Select(p => p!["call_id"]!.GetValue<string>()).Order(StringComparer.Ordinal);
}
