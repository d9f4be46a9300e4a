using System.Text.Json.Nodes;

namespace Conferences.Core.Realtime;

/// <summary>
/// The <c>_read_only</c> object of a conference in the one shape of profile D5: <c>members</c>,
/// <c>moderators</c>, <c>admins</c> (alias of moderators, the seed's name), <c>participant_count</c>,
/// <c>duration</c> and <c>is_locked</c>; single GET adds <c>participants</c>.
/// </summary>
public static class ReadOnlyView
{
    /// <summary>A conference that is not running on any media server.</summary>
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
}
