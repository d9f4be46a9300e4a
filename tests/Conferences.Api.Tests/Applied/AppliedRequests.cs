using static Conferences.Api.Tests.Actions.ActionRequests;

namespace Conferences.Api.Tests.Applied;

/// <summary>Actions sent with <c>?wait=applied</c>, and what their answers say was confirmed.</summary>
internal static class AppliedRequests
{
    public static Task<Answer> ConferenceActionAppliedAsync(this TestAccount account, string conferenceId, string action, JsonObject? data = null) =>
        account.SendAsync(HttpMethod.Put, $"conferences/{Uri.EscapeDataString(conferenceId)}?wait=applied", Body.Data(data ?? [], new JsonObject { ["action"] = action }));

    public static Task<Answer> ParticipantsActionAppliedAsync(this TestAccount account, string conferenceId, string action) =>
        account.PutAsync($"conferences/{Uri.EscapeDataString(conferenceId)}/participants?wait=applied", new JsonObject { ["action"] = action });

    public static Task<Answer> ParticipantActionAppliedAsync(this TestAccount account, string conferenceId, long participantId, string action) =>
        account.PutAsync($"conferences/{Uri.EscapeDataString(conferenceId)}/participants/{participantId}", new JsonObject { ["action"] = action, ["wait"] = "applied" });

    /// <summary>The confirmed events of an answer: (event, participant id or call id).</summary>
    public static (string Event, string? Target)[] Confirmed(Answer answer, string list = "confirmed") =>
        [.. answer.Json!["metadata"]![list]!.AsArray().Select(c => ((string)c!["event"]!, (c["participant_id"] ?? c["call_id"])?.ToString()))];

    /// <summary>Members, moderators dialled in; returns everyone's ids.</summary>
    public static async Task<long[]> RunningAsync(ApiFactory api, TestAccount account, string conferenceId, int members, int moderators = 0) =>
        [.. (await api.DialInAsync(account, conferenceId, members, moderators)).Select(Id)];
}
