using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Conferences.Core.Realtime;

/// <summary>The participant object of docs/compatibility.md D6: the search record key-normalised, plus
/// <c>duration</c>.</summary>
public static class ParticipantView
{
    public static JsonObject Render(LiveConference conference, LiveParticipant participant, long nowGregorian)
    {
        ArgumentNullException.ThrowIfNull(conference);
        ArgumentNullException.ThrowIfNull(participant);
        var view = new JsonObject
        {
            ["call_id"] = participant.CallId,
            ["conference_name"] = conference.ConferenceId,
            ["conference_uuid"] = conference.Uuid,
        };
        if (conference.SwitchHostname is not null)
        {
            view["switch_hostname"] = conference.SwitchHostname;
        }
        view["participant_id"] = participant.ParticipantId;
        view["join_time"] = participant.JoinTime;
        view["duration"] = participant.Duration(nowGregorian);
        if (participant.CallerIdName is not null)
        {
            view["caller_id_name"] = participant.CallerIdName;
        }
        if (participant.CallerIdNumber is not null)
        {
            view["caller_id_number"] = participant.CallerIdNumber;
        }
        view["custom_channel_vars"] = (participant.CustomChannelVars ?? CompactJson.Empty).ToJsonObject();
        var channelVars = new JsonObject();
        participant.ChannelVars.WriteNormalized(channelVars);
        view["conference_channel_vars"] = channelVars;
        view["custom_application_vars"] = (participant.CustomApplicationVars ?? CompactJson.Empty).ToJsonObject();
        participant.ChannelVars.WriteFlat(view);
        return view;
    }

    // A conference snapshot never changes and durations count whole seconds, so the rendered list of one snapshot
    // is the same for every request within a second: render it once (docs/compatibility.md D7: GET with realtime data costs
    // about what GET without does). A changed conference is a new snapshot and misses the cache.
    private static readonly ConditionalWeakTable<LiveConference, RenderedList> Rendered = new();

    /// <summary>Rendered at most once per snapshot and second.</summary>
    public static JsonNode ListNode(LiveConference conference, long nowGregorian)
    {
        ArgumentNullException.ThrowIfNull(conference);
        if (!Rendered.TryGetValue(conference, out var rendered) || rendered.Second != nowGregorian)
        {
            var buffer = new ArrayBufferWriter<byte>(1024 * (conference.ParticipantCount + 1));
            using (var writer = new Utf8JsonWriter(buffer))
            {
                List(conference, nowGregorian).WriteTo(writer);
            }
            rendered = new RenderedList(nowGregorian, buffer.WrittenSpan.ToArray());
            Rendered.AddOrUpdate(conference, rendered);
        }
        return JsonValue.Create(rendered, RenderedList.TypeInfo)!;
    }

    public static JsonArray List(LiveConference conference, long nowGregorian)
    {
        ArgumentNullException.ThrowIfNull(conference);
        var list = new JsonArray();
        foreach (var participant in conference.Participants)
        {
            list.Add(Render(conference, participant, nowGregorian));
        }
        return list;
    }

    // Written into a response as the UTF-8 bytes it holds.
    private sealed class RenderedList(long second, byte[] utf8)
    {
        public static readonly JsonTypeInfo<RenderedList> TypeInfo =
            JsonMetadataServices.CreateValueInfo<RenderedList>(new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() }, new RawConverter());

        public long Second { get; } = second;

        public byte[] Utf8 { get; } = utf8;

        private sealed class RawConverter : JsonConverter<RenderedList>
        {
            public override RenderedList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                using var document = JsonDocument.ParseValue(ref reader);
                return new RenderedList(0, JsonSerializer.SerializeToUtf8Bytes(document.RootElement));
            }

            public override void Write(Utf8JsonWriter writer, RenderedList value, JsonSerializerOptions options) =>
                writer.WriteRawValue(value.Utf8, skipInputValidation: true);
        }
    }
}
