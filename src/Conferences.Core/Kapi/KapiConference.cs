using H = Conferences.Core.Kapi.KapiHeaders;
using K = Conferences.Core.Kapi.KapiKeys;
using T = Conferences.Core.Kapi.KapiValueType;
using static Conferences.Core.Kapi.KapiDefinitions;

namespace Conferences.Core.Kapi;

/// <summary>The messages of <c>kapi_conference.erl</c>, key for key; kapi's code wins over its JSON schemas
/// (docs/amqp.md).</summary>
public static class KapiConference
{
    public const string Category = "conference";
    public const string CommandEventName = "command";

    // kapi_conference:search_req/1 — crossbar → conference / conference.discovery
    public static readonly KapiMessageDefinition SearchReq = new()
    {
        Name = "search_req",
        EventCategory = Category,
        EventName = "search_req",
        RequiredOneOf = [[K.ConferenceId, H.AccountId]],
        Types = Types((K.ConferenceId, T.String), (H.AccountId, T.String)),
    };

    // kapi_conference:search_resp/1 — manager → targeted / {Server-ID}
    public static readonly KapiMessageDefinition SearchResp = new()
    {
        Name = "search_resp",
        EventCategory = Category,
        EventName = "search_resp",
        RequiredOneOf = [[K.Conferences, K.ConferenceId]],
        OptionalKeys = [K.Answered, K.Dynamic, K.Locked, K.ParticipantCount, K.Participants, K.RunTime, K.Running, K.StartTime, K.SwitchExternalIp, K.SwitchHostname, K.SwitchUrl, K.Uuid],
        Types = Types(
            (K.Conferences, T.Object), (K.ConferenceId, T.String), (K.Answered, T.Boolean), (K.Dynamic, T.Boolean), (K.Locked, T.Boolean),
            (K.ParticipantCount, T.Integer), (K.Participants, T.Array), (K.RunTime, T.Integer), (K.Running, T.Boolean), (K.StartTime, T.Integer),
            (K.SwitchExternalIp, T.String), (K.SwitchHostname, T.String), (K.SwitchUrl, T.String), (K.Uuid, T.String)),
    };

    // kapi_conference:conference_error/1 — manager that does not host the searched conference → targeted / {Server-ID}
    public static readonly KapiMessageDefinition ConferenceError = new()
    {
        Name = "conference_error",
        EventCategory = Category,
        EventName = "error",
        RequiredKeys = [K.ErrorMessage, K.Request, K.ConferenceId],
        Types = Types((K.ErrorMessage, T.String), (K.Request, T.Object), (K.ConferenceId, T.String)),
    };

    // kapi_conference:lock/1, mute_participant/1, … — crossbar → conference / conference.command.{conf}
    public static readonly KapiMessageDefinition Lock = Command("lock");
    public static readonly KapiMessageDefinition Unlock = Command("unlock");
    public static readonly KapiMessageDefinition MuteParticipant = Command("mute_participant", required: [K.ParticipantId]);
    public static readonly KapiMessageDefinition UnmuteParticipant = Command("unmute_participant", required: [K.ParticipantId]);
    public static readonly KapiMessageDefinition DeafParticipant = Command("deaf_participant", required: [K.ParticipantId]);
    public static readonly KapiMessageDefinition UndeafParticipant = Command("undeaf_participant", required: [K.ParticipantId]);

    /// <summary>Without <c>Participant-ID</c> FreeSWITCH hangs up the "last" member (<c>conference kick last</c>).</summary>
    public static readonly KapiMessageDefinition Kick = Command("kick", optional: [K.ParticipantId]);

    public static readonly KapiMessageDefinition Play = Command("play",
        required: [K.MediaName], optional: [K.ParticipantId, H.CallId],
        types: [(K.MediaName, T.String), (H.CallId, T.String)]);

    public static readonly KapiMessageDefinition RelateParticipants = Command("relate_participants",
        required: [K.OtherParticipant, K.ParticipantId], optional: [K.Relationship],
        types: [(K.OtherParticipant, T.IntegerOrNumericString), (K.Relationship, T.String)],
        allowed: [(K.Relationship, ["deaf", "mute", "clear"])]);

    /// <summary>crossbar sends record without <c>Media-Name</c>, which kapi rejects (docs/compatibility.md D4).</summary>
    public static readonly KapiMessageDefinition Record = Command("record",
        required: [K.MediaName], optional: [H.CallId], types: [(K.MediaName, T.String), (H.CallId, T.String)]);

    public static readonly KapiMessageDefinition RecordStop = Command("recordstop",
        required: [K.MediaName], optional: [H.CallId], types: [(K.MediaName, T.String), (H.CallId, T.String)]);

    public static readonly KapiMessageDefinition StopPlay = Command("stop_play",
        optional: [K.ParticipantId, K.Affects], types: [(K.Affects, T.String)],
        allowed: [(K.Affects, ["current", "all"])]);

    public static readonly KapiMessageDefinition ParticipantEnergy = Command("participant_energy",
        required: [K.ParticipantId, K.EnergyLevel], types: [(K.EnergyLevel, T.IntegerOrNumericString)]);

    public static readonly KapiMessageDefinition ParticipantVolumeIn = Command("participant_volume_in",
        required: [K.ParticipantId, K.VolumeInLevel], types: [(K.VolumeInLevel, T.IntegerOrNumericString)]);

    public static readonly KapiMessageDefinition ParticipantVolumeOut = Command("participant_volume_out",
        required: [K.ParticipantId, K.VolumeOutLevel], types: [(K.VolumeOutLevel, T.IntegerOrNumericString)]);

    public static readonly KapiMessageDefinition Set = Command("set",
        required: [K.Parameter, K.Value], types: [(K.Parameter, T.String), (K.Value, T.String)],
        allowed: [(K.Parameter, ["Max-Members", "Caller-ID-Name", "Caller-ID-Number"])]);

    /// <summary>Declared in kapi; unused by crossbar and not handled by <c>ecallmgr_conference_command</c>.</summary>
    public static readonly KapiMessageDefinition ParticipantsReq = Command("participants", name: "participants_req");

    /// <summary>kapi types <c>Conference-ID</c> here but does not declare it, so builders strip it.</summary>
    public static readonly KapiMessageDefinition ParticipantsResp = new()
    {
        Name = "participants_resp",
        EventCategory = Category,
        EventName = "participants_resp",
        RequiredKeys = [K.Participants],
        Types = Types((K.Participants, T.Array), (K.ConferenceId, T.String)),
    };

    // kapi_conference:dial/1 — crossbar → conference / conference.command.{zone}, reply on targeted
    public static readonly KapiMessageDefinition Dial = Command("dial",
        required: [K.Endpoints],
        optional: [H.AccountId, K.CallerIdName, K.CallerIdNumber, K.CustomChannelVars, K.CustomApplicationVars, K.OutboundCallId, K.ParticipantFlags, K.ProfileName, K.TargetCallId, K.Timeout],
        types:
        [
            (K.Endpoints, T.NonEmptyObjectArray), (H.AccountId, T.String), (K.CallerIdName, T.String), (K.CallerIdNumber, T.String),
            (K.CustomChannelVars, T.Object), (K.CustomApplicationVars, T.Object), (K.OutboundCallId, T.String),
            (K.ParticipantFlags, T.StringArray), (K.ProfileName, T.String), (K.TargetCallId, T.String), (K.Timeout, T.Integer),
        ]);

    /// <summary><c>kapi_conference:dial_resp/1</c>: <c>Application-Name</c> is fixed but not declared, so checked when present and stripped.</summary>
    public static readonly KapiMessageDefinition DialResp = new()
    {
        Name = "dial_resp",
        EventCategory = Category,
        EventName = CommandEventName,
        RequiredKeys = [K.EndpointResponses],
        FixedValues = new Dictionary<string, string> { [K.ApplicationName] = "dial_resp" },
        Types = Types((K.EndpointResponses, T.NonEmptyObjectArray), (K.ApplicationName, T.String)),
    };

    // kapi_conference:event/1 — manager → conference / conference.event.{Event}.{acct}.{conf}.{enc(call)}
    public static readonly KapiMessageDefinition Event = new()
    {
        Name = "event",
        EventCategory = Category,
        EventName = "event",
        RequiredKeys = [K.Event, K.ConferenceId, K.InstanceId],
        OptionalKeys = [H.CallId, K.ParticipantId, K.CallerIdName, K.CallerIdNumber, K.ChannelPresenceId, K.CustomChannelVars, K.ConferenceChannelVars],
        Types = Types(
            (K.Event, T.String), (K.ConferenceId, T.String), (K.InstanceId, T.String), (H.CallId, T.String), (K.ParticipantId, T.IntegerOrNumericString),
            (K.CallerIdName, T.String), (K.CallerIdNumber, T.String), (K.ChannelPresenceId, T.String), (K.CustomChannelVars, T.Object),
            (K.ConferenceChannelVars, T.Object)),
    };

    /// <summary><c>kapi_conference:participant_event/1</c>: legacy, declared in kapi, published by nothing in Kazoo HEAD.</summary>
    public static readonly KapiMessageDefinition ParticipantEvent = new()
    {
        Name = "participant_event",
        EventCategory = Category,
        EventName = "participant_event",
        RequiredKeys =
        [
            K.Event, H.CallId, K.Focus, K.ConferenceId, K.InstanceId, K.ParticipantId, K.Floor, K.Hear, K.Speak, K.Talking, K.CurrentEnergy,
            K.EnergyLevel, K.Video, K.MuteDetect, K.CallerIdName, K.CallerIdNumber, K.ChannelPresenceId, K.CustomChannelVars,
        ],
        Types = Types(
            (K.Event, T.String), (H.CallId, T.String), (K.Focus, T.String), (K.ConferenceId, T.String), (K.InstanceId, T.String),
            (K.ParticipantId, T.IntegerOrNumericString), (K.Floor, T.Boolean), (K.Hear, T.Boolean), (K.Speak, T.Boolean), (K.Talking, T.Boolean),
            (K.CurrentEnergy, T.IntegerOrNumericString), (K.EnergyLevel, T.IntegerOrNumericString), (K.Video, T.Boolean), (K.MuteDetect, T.Boolean),
            (K.CallerIdName, T.String), (K.CallerIdNumber, T.String), (K.ChannelPresenceId, T.String), (K.CustomChannelVars, T.Object)),
    };

    public static readonly IReadOnlyList<KapiMessageDefinition> All =
    [
        SearchReq, SearchResp, ConferenceError, Lock, Unlock, MuteParticipant, UnmuteParticipant, DeafParticipant, UndeafParticipant, Kick, Play,
        RelateParticipants, Record, RecordStop, StopPlay, ParticipantEnergy, ParticipantVolumeIn, ParticipantVolumeOut, Set, ParticipantsReq,
        ParticipantsResp, Dial, DialResp, Event, ParticipantEvent,
    ];

    /// <summary>The definitions reachable by <c>Application-Name</c> (kapi's <c>APPLICTION_MAP</c>, minus say/tts/tones/play_macro).</summary>
    public static readonly IReadOnlyDictionary<string, KapiMessageDefinition> CommandsByApplicationName =
        All.Where(d => d.ApplicationName is not null).ToDictionary(d => d.ApplicationName!, StringComparer.Ordinal);

    /// <summary>The command definition for an <c>Application-Name</c> (e.g. <c>mute_participant</c>), or null when kapi has none.</summary>
    public static KapiMessageDefinition? FindCommand(string? applicationName) =>
        applicationName is not null && CommandsByApplicationName.TryGetValue(applicationName, out var definition) ? definition : null;

    public static KapiMessageDefinition? FindByName(string name) => All.FirstOrDefault(d => d.Name == name);

    /// <summary>Commands by <c>Application-Name</c>, others by <c>Event-Name</c>; a <c>dial_resp</c> is identified by
    /// its requester.</summary>
    public static KapiMessageDefinition? Identify(JsonObject message)
    {
        if (KazooJson.GetString(message, H.EventCategory) != Category)
        {
            return null;
        }
        var eventName = KazooJson.GetString(message, H.EventName);
        if (eventName == CommandEventName)
        {
            return FindCommand(KazooJson.GetString(message, K.ApplicationName));
        }
        return All.FirstOrDefault(d => d.EventName == eventName && d.EventName != CommandEventName);
    }
}
