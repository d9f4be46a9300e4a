using System.Globalization;

namespace Conferences.Infrastructure.Storage.CouchDb;

/// <summary>Account databases arrive encoded (<c>kzs_util:format_account_id/2</c>); URLs carry their slashes as
/// <c>%2F</c>.</summary>
public static class CouchDbPaths
{
    private const string DesignPrefix = "_design/";

    public static string DatabaseName(string database)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        return Uri.UnescapeDataString(database);
    }

    public static string Database(string database) => Uri.EscapeDataString(DatabaseName(database));

    /// <summary><c>{db}/{id}</c>; a design document keeps its literal <c>_design/</c> as CouchDB routes it.</summary>
    public static string Document(string database, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var segment = id.StartsWith(DesignPrefix, StringComparison.Ordinal)
            ? DesignPrefix + Uri.EscapeDataString(id[DesignPrefix.Length..])
            : Uri.EscapeDataString(id);
        return $"{Database(database)}/{segment}";
    }

    public static string View(string database, string design, string view) =>
        $"{Database(database)}/{DesignPrefix}{Uri.EscapeDataString(design)}/_view/{Uri.EscapeDataString(view)}";

    public static string AllDocs(string database) => $"{Database(database)}/_all_docs";

    /// <summary>Keys are JSON values in the query string; <c>keys</c> travel in the POST body, never in the
    /// URL.</summary>
    public static string ViewQueryString(ViewQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<string>();
        if (query.StartKey is { } start)
        {
            parameters.Add($"startkey={JsonParameter(start)}");
        }
        if (query.EndKey is { } end)
        {
            parameters.Add($"endkey={JsonParameter(end)}");
        }
        if (query.Limit is { } limit)
        {
            parameters.Add(string.Create(CultureInfo.InvariantCulture, $"limit={limit}"));
        }
        if (query.Descending)
        {
            parameters.Add("descending=true");
        }
        if (query.IncludeDocs)
        {
            parameters.Add("include_docs=true");
        }
        return parameters.Count == 0 ? string.Empty : "?" + string.Join('&', parameters);
    }

    public static string Keys(IReadOnlyList<string> keys) => JsonSerializer.Serialize(new Dictionary<string, IReadOnlyList<string>> { ["keys"] = keys });

    private static string JsonParameter(string key) => Uri.EscapeDataString(JsonSerializer.Serialize(key));

    public static string WithoutQuery(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? pathAndQuery : pathAndQuery[..q];
    }
}
