namespace Conferences.Api.Tests.Proxy;

/// <summary>
/// The proxy configurations exactly as docs/kazoo-cluster.md publishes them (docs/kazoo-cluster/), and the three
/// addresses they leave open.
/// </summary>
public static class ProxyRecipe
{
    public const string Listen = "PROXY_LISTEN";
    public const string ConferencesServer = "CONFERENCES_SERVER";
    public const string KazooCrossbarServer = "KAZOO_CROSSBAR_SERVER";

    public static string RepositoryRoot => TestScript.RepositoryRoot;

    public static string File(string name) => Path.Combine(RepositoryRoot, "docs", "kazoo-cluster", name);

    /// <summary><c>host:port</c> of a loopback URI, the form both configurations take for a server.</summary>
    public static string HostPort(Uri address) => $"{address.Host}:{address.Port}";

    /// <summary>The file with each <c>${NAME}</c> replaced, as <c>envsubst</c> does; every name must occur in it.</summary>
    public static string Fill(string name, IReadOnlyDictionary<string, string> values)
    {
        var text = System.IO.File.ReadAllText(File(name));
        foreach (var (key, value) in values)
        {
            var placeholder = "${" + key + "}";
            Assert.True(text.Contains(placeholder, StringComparison.Ordinal), $"{File(name)} lacks {placeholder}");
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }
        return text;
    }
}
