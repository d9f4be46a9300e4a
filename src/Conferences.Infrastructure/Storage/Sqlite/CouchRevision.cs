using System.Globalization;
using System.Security.Cryptography;

namespace Conferences.Infrastructure.Storage.Sqlite;

// CouchDB's N-hash revision, md5 over the previous revision and the body (docs/kazoo-storage.md, "Revisions").
internal static class CouchRevision
{
    private const string DeletedBody = "deleted";

    public static string Next(string? previous, string canonicalBody)
    {
        var generation = previous is null ? 1 : Generation(previous) + 1;
#pragma warning disable CA5351 // md5 names a revision as in CouchDB; it protects nothing
        var hash = MD5.HashData(Encoding.UTF8.GetBytes($"{previous}\n{canonicalBody}"));
#pragma warning restore CA5351
        return string.Create(CultureInfo.InvariantCulture, $"{generation}-{Convert.ToHexStringLower(hash)}");
    }

    // The tombstone revision a hard delete writes.
    public static string Deleted(string previous) => Next(previous, DeletedBody);

    private static long Generation(string revision) =>
        long.Parse(revision.AsSpan(0, revision.IndexOf('-', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);
}
