namespace Conferences.Core.Actions;

/// <summary><c>kz_media_util:media_path/2</c>: a bare media id becomes <c>/{account_id}/{media_id}</c>, existence
/// unchecked.</summary>
public static class MediaPath
{
    private static readonly string[] Unchanged = ["/system_media", "system_media", "local_stream://", "silence_stream://"];

    public static string For(string mediaId, string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        if (Unchanged.Any(prefix => mediaId.StartsWith(prefix, StringComparison.Ordinal)) || mediaId.Contains('/', StringComparison.Ordinal))
        {
            return mediaId;
        }
        return $"/{accountId}/{mediaId}";
    }
}
