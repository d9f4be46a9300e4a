using System.Text.Json.Nodes;
using Conferences.Core.Blackhole;

namespace Conferences.Core.Tests.Blackhole;

/// <summary>The frames a session sent, parsed, in order.</summary>
internal sealed class RecordingOutbox : IBlackholeOutbox
{
    private readonly List<JsonObject> frames = [];

    public IReadOnlyList<JsonObject> Frames => frames;

    public JsonObject Last => frames[^1];

    /// <summary>Refuse every frame from now on, as a socket whose queue overflowed does.</summary>
    public bool Refusing { get; set; }

    public int Refused { get; private set; }

    public bool TryEnqueue(byte[] frame)
    {
        if (Refusing)
        {
            Refused++;
            return false;
        }
        frames.Add(JsonNode.Parse(frame)!.AsObject());
        return true;
    }

    public List<JsonObject> Events => [.. frames.Where(f => (string?)f["action"] == "event")];

    public void Clear() => frames.Clear();
}
