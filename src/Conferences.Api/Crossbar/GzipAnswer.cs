using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using Microsoft.Net.Http.Headers;

namespace Conferences.Api.Crossbar;

/// <summary>
/// A rendered envelope as one gzip member (RFC 1952) for clients that accept it, as Kazoo's crossbar answers with
/// cowboy's <c>compress</c> option (<c>crossbar_init:maybe_start_plaintext/1</c>, <c>compress_response_body</c>).
/// The envelope's own keys go as stored blocks (RFC 1951 §3.2.4) and its <c>data</c> as a deflate run that is kept
/// with kept data (<see cref="DeflatedData"/>), so a kept answer is not compressed again per request.
/// </summary>
internal static class GzipAnswer
{
    /// <summary>Cowboy compresses only bodies larger than this (<c>cowboy_req:reply_may_compress/7</c>).</summary>
    public const int Threshold = 300;

    private const int StoredBlockMax = ushort.MaxValue;

    private static readonly byte[] Header = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

    /// <summary>Whether <c>Accept-Encoding</c> takes gzip (or <c>*</c>) with a quality above zero (RFC 9110 §12.5.3).</summary>
    public static bool Accepted(HttpRequest request)
    {
        var header = request.Headers.AcceptEncoding;
        if (header.Count == 0 || !StringWithQualityHeaderValue.TryParseList(header, out var codings))
        {
            return false;
        }
        double? gzip = null, any = null;
        foreach (var coding in codings)
        {
            var quality = coding.Quality ?? 1;
            if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Value.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = Math.Max(gzip ?? 0, quality);
            }
            else if (coding.Value.Equals("*", StringComparison.Ordinal))
            {
                any = quality;
            }
        }
        return (gzip ?? any ?? 0) > 0;
    }

    /// <summary>Writes <paramref name="envelope"/> gzip'd, its bytes <paramref name="data"/> replaced by their deflate run <paramref name="deflated"/>.</summary>
    public static void Write(ReadOnlySpan<byte> envelope, Range data, ReadOnlySpan<byte> deflated, IBufferWriter<byte> output)
    {
        var (start, length) = data.GetOffsetAndLength(envelope.Length);
        output.Write(Header);
        Stored(envelope[..start], final: false, output);
        output.Write(deflated);
        Stored(envelope[(start + length)..], final: true, output);
        var trailer = output.GetSpan(8);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32.HashToUInt32(envelope));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)envelope.Length);
        output.Advance(8);
    }

    // byte-aligned blocks of at most 65,535 bytes: BFINAL and BTYPE 00 in one byte, then LEN and its complement
    private static void Stored(ReadOnlySpan<byte> bytes, bool final, IBufferWriter<byte> output)
    {
        do
        {
            var chunk = bytes[..Math.Min(bytes.Length, StoredBlockMax)];
            bytes = bytes[chunk.Length..];
            var header = output.GetSpan(5);
            header[0] = (byte)(final && bytes.IsEmpty ? 1 : 0);
            BinaryPrimitives.WriteUInt16LittleEndian(header[1..], (ushort)chunk.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(header[3..], (ushort)~chunk.Length);
            output.Advance(5);
            output.Write(chunk);
        }
        while (!bytes.IsEmpty);
    }
}
