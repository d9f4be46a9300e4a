namespace Conferences.MediaServer.State;

/// <summary>A running conference and its members (ordered by member id) at one moment.</summary>
public sealed record ConferenceSnapshot(SimulatedConference Conference, IReadOnlyList<SimulatedParticipant> Participants);
