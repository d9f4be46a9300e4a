namespace Conferences.MediaServer.Dial;

/// <summary>The parts of a <c>sip:</c>/<c>sips:</c> URI a simulated endpoint needs: <c>sip:user@host;params</c>.</summary>
internal static class SipUri
{
    /// <summary>The user part, or null when <paramref name="uri"/> is not a SIP URI with one.</summary>
    public static string? User(string? uri) => UserAtHost(uri) is { } userAtHost ? userAtHost[..userAtHost.IndexOf('@', StringComparison.Ordinal)] : null;

    /// <summary><c>user@host</c> without scheme, port or parameters, or null.</summary>
    public static string? UserAtHost(string? uri)
    {
        if (uri is null)
        {
            return null;
        }
        string rest;
        if (uri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            rest = uri[4..];
        }
        else if (uri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            rest = uri[5..];
        }
        else
        {
            return null;
        }
        var end = rest.IndexOfAny([';', '?', '>']);
        rest = end >= 0 ? rest[..end] : rest;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == rest.Length - 1)
        {
            return null;
        }
        var host = rest[(at + 1)..];
        var colon = host.IndexOf(':', StringComparison.Ordinal);
        return $"{rest[..at]}@{(colon > 0 ? host[..colon] : host)}";
    }
}
