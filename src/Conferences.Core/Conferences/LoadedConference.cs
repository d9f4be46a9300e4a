namespace Conferences.Core.Conferences;

/// <summary>
/// A conference as a read or an action sees it (<see cref="ConferenceLookup"/>): the whole document, private fields
/// included (<see cref="Revision"/> null for an ad-hoc one), and its live state (<see cref="Live"/> null when not
/// running, and for dial, which never asks).
/// </summary>
public sealed record LoadedConference(JsonObject Document, string? Revision, LiveConference? Live)
{
    public bool IsStored => Revision is not null;

    /// <summary>What the API shows of the document: a fresh copy of its public fields plus <c>id</c>.</summary>
    public JsonObject PublicView() => KazooDocument.PublicView(Document);

    /// <summary>
    /// The member <paramref name="participantId"/> (the path token) of the running conference: an unknown or
    /// non-integer id is 404 <c>bad_identifier</c> naming it, for reads and actions alike (docs/compatibility.md D3).
    /// </summary>
    public LiveParticipant Participant(string participantId) =>
        long.TryParse(participantId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Live?.FindParticipant(id) is { } participant
            ? participant
            : throw KazooErrors.UnknownParticipant(participantId);
}
