namespace Conferences.Core.Dial;

// cb_conferences:build_sip_endpoint/2: the URI becomes a synthetic SIP device; a URI without a host (crossbar crashes)
// is reported as not found.
internal static class SipUriEndpoint
{
    public const string Scheme = "sip:";

    public static JsonObject? Build(string uri, DialCall call)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!TryParse(uri, out var user, out var host))
        {
            return null;
        }
        var device = new JsonObject
        {
            ["sip"] = new JsonObject
            {
                ["invite_format"] = "route",
                ["route"] = uri,
                ["realm"] = host,
                ["username"] = user,
            },
        };
        return DeviceEndpointBuilder.Build(device, id: null, call);
    }

    // The user and host of sip:[user[:password]@]host[:port][;params][?headers].
    internal static bool TryParse(string uri, out string user, out string host)
    {
        user = host = string.Empty;
        if (!uri.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = uri[Scheme.Length..];
        var end = rest.IndexOfAny([';', '?', '>']);
        rest = end >= 0 ? rest[..end] : rest;
        if (rest.Any(c => char.IsWhiteSpace(c) || c is ',' or '<' or '"'))
        {
            return false;
        }
        var at = rest.LastIndexOf('@');
        var userInfo = at >= 0 ? rest[..at] : string.Empty;
        var hostPort = at >= 0 ? rest[(at + 1)..] : rest;
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        user = colon >= 0 ? userInfo[..colon] : userInfo;
        host = HostOf(hostPort);
        return host.Length > 0;
    }

    private static string HostOf(string hostPort)
    {
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? hostPort[..(close + 1)] : string.Empty;
        }
        var colon = hostPort.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? hostPort[..colon] : hostPort;
    }
}
