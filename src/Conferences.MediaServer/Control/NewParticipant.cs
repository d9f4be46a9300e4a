namespace Conferences.MediaServer.Control;

/// <summary>A call put straight into a conference, standing in for Kazoo's callflow and conference apps
/// (docs/amqp.md).</summary>
public sealed record NewParticipant(string ConferenceId, string AccountId)
{
    public string? CallId { get; init; }

    public string? CallerIdName { get; init; }

    public string? CallerIdNumber { get; init; }

    public string? PresenceId { get; init; }

    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Extra <c>Custom-Channel-Vars</c>; <c>Account-ID</c> is set from <see cref="AccountId"/>.</summary>
    public JsonObject? CustomChannelVars { get; init; }

    public JsonObject? CustomApplicationVars { get; init; }
}
