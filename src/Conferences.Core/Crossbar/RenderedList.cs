namespace Conferences.Core.Crossbar;

/// <summary>A list's <c>data</c> rendered once: the same bytes are the body and give the revision.</summary>
public sealed record RenderedList(ReadOnlyMemory<byte> Items, int Count, bool Paginated, string? StartKey, string? NextStartKey)
{
    /// <summary>Lists carry an opaque revision: the md5 of the rendered items, none when empty
    /// (<c>api_resource:generate_etag/2</c>).</summary>
    public string? Revision { get; } = Count == 0 ? null : Convert.ToHexStringLower(MD5.HashData(Items.Span));

    public static RenderedList From(ListResult list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            list.Items.WriteTo(writer);
        }
        return new RenderedList(buffer.WrittenMemory, list.Items.Count, list.Paginated, list.StartKey, list.NextStartKey);
    }
}
