namespace Conferences.Core.Kapi;

/// <summary>Key names of <c>kapi_conference.erl</c>; the common headers are in <see cref="KapiHeaders"/>.</summary>
public static class KapiKeys
{
    public const string ApplicationName = "Application-Name";
    public const string ConferenceId = "Conference-ID";
    public const string ParticipantId = "Participant-ID";
    public const string OtherParticipant = "Other-Participant";
    public const string Relationship = "Relationship";
    public const string MediaName = "Media-Name";
    public const string Affects = "Affects";
    public const string EnergyLevel = "Energy-Level";
    public const string VolumeInLevel = "Volume-In-Level";
    public const string VolumeOutLevel = "Volume-Out-Level";
    public const string Parameter = "Parameter";
    public const string Value = "Value";

    public const string Conferences = "Conferences";
    public const string Uuid = "UUID";
    public const string RunTime = "Run-Time";
    public const string StartTime = "Start-Time";
    public const string Locked = "Locked";
    public const string SwitchHostname = "Switch-Hostname";
    public const string SwitchUrl = "Switch-URL";
    public const string SwitchExternalIp = "Switch-External-IP";
    public const string ParticipantCount = "Participant-Count";
    public const string Participants = "Participants";
    public const string Answered = "Answered";
    public const string Dynamic = "Dynamic";
    public const string Running = "Running";

    public const string ErrorMessage = "Error-Message";
    public const string Request = "Request";

    public const string Endpoints = "Endpoints";
    public const string CallerIdName = "Caller-ID-Name";
    public const string CallerIdNumber = "Caller-ID-Number";
    public const string CustomApplicationVars = "Custom-Application-Vars";
    public const string CustomChannelVars = "Custom-Channel-Vars";
    public const string OutboundCallId = "Outbound-Call-ID";
    public const string ParticipantFlags = "Participant-Flags";
    public const string ProfileName = "Profile-Name";
    public const string TargetCallId = "Target-Call-ID";
    public const string Timeout = "Timeout";
    public const string EndpointResponses = "Endpoint-Responses";

    public const string Event = "Event";
    public const string InstanceId = "Instance-ID";
    public const string ChannelPresenceId = "Channel-Presence-ID";
    public const string ConferenceChannelVars = "Conference-Channel-Vars";

    public const string Focus = "Focus";
    public const string Floor = "Floor";
    public const string Hear = "Hear";
    public const string Speak = "Speak";
    public const string Talking = "Talking";
    public const string CurrentEnergy = "Current-Energy";
    public const string Video = "Video";
    public const string MuteDetect = "Mute-Detect";
}
