namespace Conferences.Core.Conferences;

/// <summary>The whole document and its live state (null when not running, and for dial, which never asks).</summary>
public sealed record LoadedConference(JsonObject Document, string? Revision, LiveConference? Live)
{
    public bool IsStored => Revision is not null;

    /// <summary>What the API shows of the document: a fresh copy of its public fields plus <c>id</c>.</summary>
    public JsonObject PublicView() => KazooDocument.PublicView(Document);

    /// <summary>An unknown or non-integer id is 404 <c>bad_identifier</c>, for reads and actions alike (D3).</summary>
    public LiveParticipant Participant(string participantId) =>
        long.TryParse(participantId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Live?.FindParticipant(id) is { } participant
            ? participant
            : throw KazooErrors.UnknownParticipant(participantId);
}
