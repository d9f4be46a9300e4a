namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape only: <c>schemas/conferences.json</c> is authoritative.</summary>
public sealed record ConferenceDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("conference_numbers")] IReadOnlyList<string> ConferenceNumbers,
    [property: JsonPropertyName("member")] ConferenceRole Member,
    [property: JsonPropertyName("moderator")] ConferenceRole Moderator,
    [property: JsonPropertyName("play_name")] bool PlayName,
    [property: JsonPropertyName("_read_only")] ReadOnlyData ReadOnly);

public sealed record ConferenceRole(
    [property: JsonPropertyName("join_deaf")] bool JoinDeaf,
    [property: JsonPropertyName("join_muted")] bool JoinMuted,
    [property: JsonPropertyName("numbers")] IReadOnlyList<string> Numbers,
    [property: JsonPropertyName("pins")] IReadOnlyList<string> Pins);

public sealed record ReadOnlyData(
    [property: JsonPropertyName("members")] int Members,
    [property: JsonPropertyName("moderators")] int Moderators,
    [property: JsonPropertyName("admins")] int Admins,
    [property: JsonPropertyName("participant_count")] int ParticipantCount,
    [property: JsonPropertyName("duration")] long Duration,
    [property: JsonPropertyName("is_locked")] bool IsLocked);
