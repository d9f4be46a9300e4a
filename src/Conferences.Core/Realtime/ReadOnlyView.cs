namespace Conferences.Core.Realtime;

/// <summary>The <c>_read_only</c> object in the one shape of docs/compatibility.md D5.</summary>
public static class ReadOnlyView
{
    public static JsonObject Idle(bool withParticipants)
    {
        var view = new JsonObject
        {
            ["members"] = 0,
            ["moderators"] = 0,
            ["admins"] = 0,
            ["participant_count"] = 0,
            ["duration"] = 0,
            ["is_locked"] = false,
        };
        if (withParticipants)
        {
            view["participants"] = new JsonArray();
        }
        return view;
    }

    /// <summary>The view of <paramref name="live"/>, or the idle view when it is null (not running).</summary>
    public static JsonObject For(LiveConference? live, long nowGregorian, bool withParticipants)
    {
        if (live is null)
        {
            return Idle(withParticipants);
        }
        var runTime = live.RunTime(nowGregorian);
        var view = new JsonObject
        {
            ["members"] = live.Members,
            ["moderators"] = live.Moderators,
            ["admins"] = live.Moderators,
            ["participant_count"] = live.ParticipantCount,
            ["duration"] = runTime,
            ["is_locked"] = live.IsLocked,
            ["run_time"] = runTime,
            ["start_time"] = live.StartTime,
            ["uuid"] = live.Uuid,
        };
        if (live.SwitchHostname is not null)
        {
            view["switch_hostname"] = live.SwitchHostname;
        }
        if (withParticipants)
        {
            view["participants"] = ParticipantView.ListNode(live, nowGregorian);
        }
        return view;
    }

    /// <summary>D11: the single GET's <c>metadata</c>, which Monster UI's conference viewer reads.</summary>
    public static JsonObject Metadata(LiveConference? live, long nowGregorian) => new()
    {
        ["duration"] = live?.RunTime(nowGregorian) ?? 0,
        ["is_locked"] = live?.IsLocked ?? false,
        ["members"] = live?.Members ?? 0,
        ["moderators"] = live?.Moderators ?? 0,
        ["participant_count"] = live?.ParticipantCount ?? 0,
    };
}
