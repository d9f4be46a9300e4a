namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>Waits for a store's change stamp: a stamp may need a moment to be given (CouchDB's feed starts on the first
/// question) and another instance's write is seen within the adapter's bound.</summary>
internal static class ChangeStamps
{
    /// <summary>The first stamp <paramref name="done"/> accepts; the test fails when none comes within <paramref name="within"/>.</summary>
    public static async Task<long?> UntilAsync(IDocumentStore store, string db, Func<long?, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        long? stamp;
        while (!done(stamp = await store.ChangeStampAsync(db, CancellationToken.None)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the stamp of {db} stayed {stamp?.ToString() ?? "null"} for {within.TotalSeconds} s");
            await Task.Delay(10);
        }
        return stamp;
    }
}
