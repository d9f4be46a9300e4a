namespace Conferences.Core.Kapi;

/// <summary>The events ecallmgr publishes by default (<c>ecallmgr_fs_conference_stream.erl</c>,
/// <c>kapi_conference:event/1</c>).</summary>
public static class KapiConferenceEvents
{
    public const string ConferenceCreate = "conference-create";
    public const string ConferenceDestroy = "conference-destroy";
    public const string Lock = "lock";
    public const string Unlock = "unlock";
    public const string AddMember = "add-member";
    public const string DelMember = "del-member";
    public const string StartTalking = "start-talking";
    public const string StopTalking = "stop-talking";
    public const string MuteMember = "mute-member";
    public const string UnmuteMember = "unmute-member";
    public const string DeafMember = "deaf-member";
    public const string UndeafMember = "undeaf-member";

    public static readonly IReadOnlyList<string> DefaultPublished =
    [
        ConferenceCreate, ConferenceDestroy, Lock, Unlock, AddMember, DelMember,
        StartTalking, StopTalking, MuteMember, UnmuteMember, DeafMember, UndeafMember,
    ];
}
