using System.Globalization;
using System.Security.Cryptography;

namespace Conferences.Infrastructure.Storage.Sqlite;

/// <summary>
/// CouchDB's <c>N-hash</c> revision, hashed with md5 over the previous revision and the body so equal histories
/// give equal revisions (docs/kazoo-storage.md, revisions).
/// </summary>
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

    /// <summary>The tombstone revision a hard delete writes (CouchDB's <c>_deleted: true</c> revision).</summary>
    public static string Deleted(string previous) => Next(previous, DeletedBody);

    private static long Generation(string revision) =>
        long.Parse(revision.AsSpan(0, revision.IndexOf('-', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);
}
