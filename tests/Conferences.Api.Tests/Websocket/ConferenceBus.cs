using Conferences.MediaServer.State;

namespace Conferences.Api.Tests.Websocket;

/// <summary>
/// The other side of the websocket in tests: the service's media-server simulator (participants, talking) and
/// kapi conference commands published on the service's bus, built with the message table (<c>kapps_conference_command.erl</c>).
/// </summary>
public sealed class ConferenceBus(ApiFactory api)
{
    public SimulatorControl Simulator => api.Services.GetRequiredService<SimulatorControl>();

    public async Task<SimulatedParticipant> JoinAsync(string conferenceId, string accountId, string callId, string name)
    {
        var joined = await Simulator.AddParticipantAsync(new NewParticipant(conferenceId, accountId)
        {
            CallId = callId,
            CallerIdName = name,
            CallerIdNumber = "1001",
        });
        return joined ?? throw new InvalidOperationException($"call {callId} is in a conference already");
    }

    /// <summary>Publishes a command such as <c>mute_participant</c> to <c>conference.command.{conf}</c>, as crossbar does.</summary>
    public Task CommandAsync(KapiMessageDefinition command, string conferenceId, long? participantId = null)
    {
        var fields = new JsonObject { [KapiKeys.ConferenceId] = conferenceId };
        if (participantId is { } id)
        {
            fields[KapiKeys.ParticipantId] = id;
        }
        var message = KapiMessage.Build(command, fields, KapiSender.KappsConference("crossbar@tests"));
        return api.Services.GetRequiredService<IKapiPublisher>().PublishAsync(KapiRoutingKeys.Command(conferenceId), message, CancellationToken.None);
    }
}
