namespace Conferences.MediaServer.State;

public sealed record ConferenceSnapshot(SimulatedConference Conference, IReadOnlyList<SimulatedParticipant> Participants);
