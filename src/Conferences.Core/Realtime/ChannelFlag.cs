namespace Conferences.Core.Realtime;

/// <summary>The boolean <c>Conference-Channel-Vars</c> (<c>kapi_conference:search_resp/1</c>).</summary>
[Flags]
public enum ChannelFlag : ushort
{
    IsModerator = 1,
    Floor = 2,
    Video = 4,
    See = 8,
    Speak = 16,
    Hear = 32,
    Talking = 64,
    MuteDetect = 128,
    MemberGhost = 256,
}
