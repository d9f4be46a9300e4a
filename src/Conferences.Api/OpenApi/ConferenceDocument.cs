namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape only: <c>schemas/conferences.json</c> is authoritative.</summary>
public sealed record ConferenceDocument(
    string Id,
    string? Name,
    IReadOnlyList<string> ConferenceNumbers,
    ConferenceRole Member,
    ConferenceRole Moderator,
    bool PlayName,
    [property: JsonPropertyName("_read_only")] ReadOnlyData ReadOnly);

public sealed record ConferenceRole(
    bool JoinDeaf,
    bool JoinMuted,
    IReadOnlyList<string> Numbers,
    IReadOnlyList<string> Pins);

public sealed record ReadOnlyData(
    int Members,
    int Moderators,
    int Admins,
    int ParticipantCount,
    long Duration,
    bool IsLocked);
