namespace Conferences.MediaServer.State;

/// <summary>Keyed by <paramref name="CallId"/>; its JSON objects are never changed, snapshots hand out
/// copies.</summary>
public sealed record SimulatedParticipant(
    string CallId,
    string ConferenceName,
    string ConferenceUuid,
    string MediaNode,
    long JoinTime,
    string? CallerIdName,
    string? CallerIdNumber,
    string? PresenceId,
    JsonObject CustomChannelVars,
    ConferenceChannelVars ChannelVars,
    JsonObject CustomApplicationVars)
{
    public long MemberId => ChannelVars.MemberId;

    public SimulatedParticipant Copy() => this with
    {
        CustomChannelVars = CustomChannelVars.DeepClone().AsObject(),
        CustomApplicationVars = CustomApplicationVars.DeepClone().AsObject(),
    };
}
