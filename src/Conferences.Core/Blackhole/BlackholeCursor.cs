namespace Conferences.Core.Blackhole;

/// <summary>An event frame's <c>cursor</c>: the instance (random per process start), the conference and the instance's
/// sequence number of the event (docs/websocket.md, "Cursors").</summary>
public readonly record struct BlackholeCursor(string Instance, string ConferenceId, long Sequence)
{
    public override string ToString() => Format(Instance, ConferenceId, Sequence);

    public static string Format(string instance, string conferenceId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{instance}.{conferenceId}.{sequence}");

    /// <summary>False for anything this service never wrote; a well-formed cursor may still be unknown here.</summary>
    public static bool TryParse(string? text, out BlackholeCursor cursor)
    {
        cursor = default;
        var parts = text?.Split('.');
        if (parts is not [var instance, var conference, var sequence] || !KazooIds.IsHex32(instance) || conference.Length == 0
            || !long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return false;
        }
        cursor = new BlackholeCursor(instance, conference, number);
        return true;
    }
}
