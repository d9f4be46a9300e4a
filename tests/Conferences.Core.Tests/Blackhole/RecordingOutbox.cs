namespace Conferences.Core.Tests.Blackhole;

/// <summary>The frames a session sent, parsed, in order (safe to fill from several threads).</summary>
internal sealed class RecordingOutbox : IBlackholeOutbox
{
    private readonly Lock gate = new();
    private readonly List<JsonObject> frames = [];
    private readonly List<byte[]> sent = [];

    public IReadOnlyList<JsonObject> Frames
    {
        get
        {
            lock (gate)
            {
                return [.. frames];
            }
        }
    }

    public JsonObject Last => Frames[^1];

    /// <summary>The frames as they were handed over, unparsed.</summary>
    public IReadOnlyList<byte[]> Sent
    {
        get
        {
            lock (gate)
            {
                return [.. sent];
            }
        }
    }

    /// <summary>Refuse every frame from now on, as a socket whose queue overflowed does.</summary>
    public bool Refusing { get; set; }

    public int Refused { get; private set; }

    public bool TryEnqueue(byte[] frame)
    {
        var parsed = JsonNode.Parse(frame)!.AsObject();
        lock (gate)
        {
            if (Refusing)
            {
                Refused++;
                return false;
            }
            frames.Add(parsed);
            sent.Add(frame);
            return true;
        }
    }

    public List<JsonObject> Events => [.. Frames.Where(f => (string?)f["action"] == "event")];

    public void Clear()
    {
        lock (gate)
        {
            frames.Clear();
            sent.Clear();
        }
    }
}
