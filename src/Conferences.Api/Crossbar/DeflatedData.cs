using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Conferences.Api.Crossbar;

/// <summary>
/// The deflate run of an envelope's <c>data</c>, ended by a sync flush so that more blocks may follow
/// (<see cref="GzipAnswer"/>). Kept data (a conference GET's answer, a list page) is compressed once: the run lives as
/// long as the array it was made from.
/// </summary>
internal static class DeflatedData
{
    private static readonly ConditionalWeakTable<byte[], Run> Runs = [];

    /// <summary>The run of <paramref name="data"/>, made once for the array that holds it (rendered answers are never changed).</summary>
    public static byte[] Kept(ReadOnlyMemory<byte> data)
    {
        if (!MemoryMarshal.TryGetArray(data, out var segment) || segment.Array is null)
        {
            return Of(data.Span);
        }
        if (Runs.TryGetValue(segment.Array, out var run) && run.Offset == segment.Offset && run.Length == segment.Count)
        {
            return run.Bytes;
        }
        run = new Run(segment.Offset, segment.Count, Of(data.Span));
        Runs.AddOrUpdate(segment.Array, run);
        return run.Bytes;
    }

    public static byte[] Of(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length / 4 + 64);
        using var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true);
        deflate.Write(data);
        // a sync flush: the blocks so far, not the last one, and an empty stored block that ends them byte-aligned
        deflate.Flush();
        return output.ToArray();
    }

    private sealed record Run(int Offset, int Length, byte[] Bytes);
}
