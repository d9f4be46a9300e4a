using System.Net.Http.Headers;

namespace Conferences.Infrastructure.Storage.CouchDb;

/// <summary><see cref="Display"/> is the only form that may be logged.</summary>
public sealed class CouchDbServer
{
    // paths are sent exactly as built: %2F in a database name must not be unescaped on the way
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private CouchDbServer(string baseUrl, AuthenticationHeaderValue? authorization)
    {
        BaseUrl = baseUrl;
        Authorization = authorization;
    }

    public string BaseUrl { get; }

    public AuthenticationHeaderValue? Authorization { get; }

    public string Display => BaseUrl.TrimEnd('/');

    /// <summary>A request for <paramref name="pathAndQuery"/> on this server, asking for JSON, with its credentials.</summary>
    public HttpRequestMessage Request(HttpMethod method, string pathAndQuery)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseUrl + pathAndQuery, Verbatim));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = Authorization;
        return request;
    }

    public static CouchDbServer Parse(string? connectionString) =>
        TryParse(connectionString, out var server, out var error) ? server : throw new InvalidOperationException(error);

    public static bool TryParse(string? connectionString, out CouchDbServer server, out string error)
    {
        server = null!;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = $"ConnectionStrings:{CouchDbOptions.ConnectionStringName} is not set; give the CouchDB server, e.g. http://admin:secret@127.0.0.1:5984";
            return false;
        }
        if (!Uri.TryCreate(connectionString.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            // The value itself may hold a password: name the key, not the value.
            error = $"ConnectionStrings:{CouchDbOptions.ConnectionStringName} is not an http(s) URL such as http://admin:secret@127.0.0.1:5984";
            return false;
        }
        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        var baseUrl = $"{uri.Scheme}://{uri.Authority}{path}";
        server = new CouchDbServer(baseUrl, Credentials(uri.UserInfo));
        error = string.Empty;
        return true;
    }

    private static AuthenticationHeaderValue? Credentials(string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return null;
        }
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        var password = colon < 0 ? string.Empty : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }
}
