using System.IO.Compression;
using Conferences.Api.Crossbar;

namespace Conferences.Api.Tests.Compression;

/// <summary>The gzip member spliced from stored blocks and a deflate run decodes to the envelope, whatever the sizes.</summary>
public sealed class GzipAnswerFramingTests
{
    [Theory]
    [InlineData(0, 10, 1)]
    [InlineData(9, 9000, 120)]
    [InlineData(70_000, 500, 140_000)]
    [InlineData(10, 200_000, 10)]
    public void Stored_blocks_around_a_deflate_run_decode_to_the_whole_envelope(int before, int data, int after)
    {
        var random = new Random(before + data + after);
        var envelope = new byte[before + data + after];
        random.NextBytes(envelope.AsSpan(0, before));
        for (var i = before; i < before + data; i++)
        {
            envelope[i] = (byte)"{\"participant_id\":12,\"mute\":false}"[i % 34];
        }
        random.NextBytes(envelope.AsSpan(before + data));
        var range = before..(before + data);
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        GzipAnswer.Write(envelope, range, DeflatedData.Of(envelope.AsSpan(range)), output);

        using var gunzip = new GZipStream(new MemoryStream(output.WrittenSpan.ToArray()), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gunzip.CopyTo(plain);
        Assert.Equal(envelope, plain.ToArray());
    }

    [Fact]
    public void A_kept_run_is_made_once_per_array()
    {
        var data = "{\"a\":[1,2,3,4,5,6,7,8,9]}"u8.ToArray();

        var first = DeflatedData.Kept(data);
        var second = DeflatedData.Kept(data);
        var slice = DeflatedData.Kept(data.AsMemory(1, data.Length - 2));

        Assert.Same(first, second);
        Assert.NotSame(first, slice);
    }
}
