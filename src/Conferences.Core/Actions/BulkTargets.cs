namespace Conferences.Core.Actions;

/// <summary>
/// Who a bulk action reached: the members it sends its command for, and the ones it left out with the reason
/// (docs/compatibility.md, "Actions a script can trust"). Rendered into the answer's <c>metadata</c>; <c>data</c>
/// stays Kazoo's.
/// </summary>
public sealed record BulkTargets(IReadOnlyList<LiveParticipant> Targeted, IReadOnlyList<(long ParticipantId, string Reason)> Skipped)
{
    /// <summary>A chosen id that is not in the running conference.</summary>
    public const string UnknownParticipant = "unknown_participant";

    /// <summary>
    /// Every member of <paramref name="live"/> (or the <paramref name="chosen"/> ones, in the order chosen) that
    /// <paramref name="skipReason"/> lets through; the others with their reason, chosen ids not running as
    /// <see cref="UnknownParticipant"/>. A conference that is not running has no members.
    /// </summary>
    public static BulkTargets Choose(LiveConference? live, ChosenParticipants? chosen, Func<LiveParticipant, string?> skipReason)
    {
        ArgumentNullException.ThrowIfNull(skipReason);
        var targeted = new List<LiveParticipant>();
        var skipped = new List<(long, string)>();
        IEnumerable<(long Id, LiveParticipant? Member)> candidates = chosen is null
            ? (live?.Participants ?? []).Select(p => (p.ParticipantId, (LiveParticipant?)p))
            : chosen.Ids.Select(id => (id, live?.FindParticipant(id)));
        foreach (var (id, member) in candidates)
        {
            var reason = member is null ? UnknownParticipant : skipReason(member);
            if (reason is null)
            {
                targeted.Add(member!);
            }
            else
            {
                skipped.Add((id, reason));
            }
        }
        return new BulkTargets(targeted, skipped);
    }

    /// <summary><c>{"targeted": [ids], "skipped": [{"participant_id": id, "reason": why}]}</c>.</summary>
    public JsonObject Metadata() => new()
    {
        ["targeted"] = new JsonArray([.. Targeted.Select(p => (JsonNode)p.ParticipantId)]),
        ["skipped"] = new JsonArray([.. Skipped.Select(s => (JsonNode)new JsonObject { ["participant_id"] = s.ParticipantId, ["reason"] = s.Reason })]),
    };
}
