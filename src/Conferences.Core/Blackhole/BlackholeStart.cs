namespace Conferences.Core.Blackhole;

// What a since/snapshot subscription sends right after its reply; held live frames up to After are not sent again.
internal sealed record BlackholeStart(IReadOnlyList<byte[]> Frames, long After);
