namespace Conferences.MediaServer.Dial;

// The parts of a sip:/sips: URI a simulated endpoint needs.
internal static class SipUri
{
    public static string? User(string? uri) => UserAtHost(uri) is { } userAtHost ? userAtHost[..userAtHost.IndexOf('@', StringComparison.Ordinal)] : null;

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
