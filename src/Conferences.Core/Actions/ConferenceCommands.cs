using K = Conferences.Core.Kapi.KapiKeys;

namespace Conferences.Core.Actions;

/// <summary><c>kapps_conference_command</c>, published fire-and-forget to <c>conference.command.{conf}</c>.</summary>
/// <exception cref="BusUnavailableException">from every method: the bus is down (503).</exception>
public sealed class ConferenceCommands(IKapiPublisher publisher, IOptions<DialOptions> options)
{
    private readonly KapiSender sender = KapiSender.KappsConference(options.Value.SenderNode);

    public Task LockAsync(string conferenceId, CancellationToken ct) =>
        SendAsync(KapiConference.Lock, conferenceId, [], ct);

    public Task UnlockAsync(string conferenceId, CancellationToken ct) =>
        SendAsync(KapiConference.Unlock, conferenceId, [], ct);

    /// <summary>To one member when <paramref name="participantId"/> is given (the path token,
    /// <c>participant_action/4</c>).</summary>
    public Task PlayAsync(string conferenceId, string mediaName, string? participantId, CancellationToken ct) =>
        SendAsync(KapiConference.Play, conferenceId, new JsonObject { [K.MediaName] = mediaName, [K.ParticipantId] = participantId }, ct);

    /// <summary><c>record</c>: FreeSWITCH's <c>recording start</c> into <paramref name="mediaName"/> (docs/compatibility.md D4).</summary>
    public Task RecordAsync(string conferenceId, string mediaName, CancellationToken ct) =>
        SendAsync(KapiConference.Record, conferenceId, new JsonObject { [K.MediaName] = mediaName }, ct);

    /// <summary><c>recordstop</c> of the recording <paramref name="mediaName"/> (docs/compatibility.md D4).</summary>
    public Task RecordStopAsync(string conferenceId, string mediaName, CancellationToken ct) =>
        SendAsync(KapiConference.RecordStop, conferenceId, new JsonObject { [K.MediaName] = mediaName }, ct);

    /// <summary><paramref name="participantId"/> keeps crossbar's JSON type: string for bulk, integer for single
    /// actions.</summary>
    public Task ParticipantAsync(KapiMessageDefinition command, string conferenceId, JsonNode participantId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        return SendAsync(command, conferenceId, new JsonObject { [K.ParticipantId] = participantId.DeepClone() }, ct);
    }

    /// <summary><c>relate_participants</c> with integer ids and <c>Relationship</c> deaf, mute or clear (<c>cb_conferences:relate/4</c>).</summary>
    public Task RelateAsync(string conferenceId, long participantId, long otherParticipant, string relationship, CancellationToken ct) =>
        SendAsync(KapiConference.RelateParticipants, conferenceId, new JsonObject
        {
            [K.ParticipantId] = participantId,
            [K.OtherParticipant] = otherParticipant,
            [K.Relationship] = relationship,
        }, ct);

    /// <exception cref="KapiValidationException">the fields do not make a valid command.</exception>
    public JsonObject Build(KapiMessageDefinition command, string conferenceId, JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(fields);
        fields[K.ConferenceId] = conferenceId;
        return KapiMessage.Build(command, fields, sender);
    }

    private async Task SendAsync(KapiMessageDefinition command, string conferenceId, JsonObject fields, CancellationToken ct)
    {
        var message = Build(command, conferenceId, fields);
        await ActingGate.PassAsync().ConfigureAwait(false);
        await publisher.PublishAsync(KapiRoutingKeys.Command(conferenceId), message, ct).ConfigureAwait(false);
    }
}
