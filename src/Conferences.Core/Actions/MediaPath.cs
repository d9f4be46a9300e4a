namespace Conferences.Core.Actions;

/// <summary>
/// <c>kz_media_util:media_path/2</c>, the <c>Media-Name</c> of a play: system media, local and
/// silence streams pass unchanged, so does anything containing <c>/</c> (a URL or a path); any other value is a media
/// id of the account, <c>/{account_id}/{media_id}</c>. The media's existence is not checked, as in Kazoo.
/// </summary>
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
