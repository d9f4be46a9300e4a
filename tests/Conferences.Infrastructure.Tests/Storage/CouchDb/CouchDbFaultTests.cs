using System.Net.Sockets;

namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>
/// CouchDB going away and coming back (issue: 503 <c>datastore_unreachable</c> within 2 s, no hang, recovery without
/// restart). The store's failure is <see cref="DatastoreUnavailableException"/>, which the API answers with that
/// envelope. Each test has a server of its own, so stopping it disturbs no other test; timings go to the test output.
/// </summary>
[Collection(CouchDbCollection.Name)]
public sealed class CouchDbFaultTests(CouchDbServerFixture server, ITestOutputHelper output)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private bool circuitOpen;

    [Fact]
    public async Task Stopped_couchdb_fails_every_operation_within_two_seconds_and_recovers_without_a_new_store()
    {
        // Persistent, so what was written before the stop is there after the restart.
        await using var couch = await PrivateCouchDbServer.StartAsync(persistent: true);
        var store = server.Stores.Store(couch.Url);
        var db = AccountDatabase.Encoded(KazooIds.NewId());
        await store.EnsureDatabaseAsync(db, Ct);
        var kept = KazooIds.NewId();
        var keptRev = await store.SaveAsync(db, Conference(kept, "5001"), Ct);
        var lost = KazooIds.NewId();

        await couch.StopAsync();

        var operations = new (string Name, Func<Task> Call)[]
        {
            ("get", () => store.GetAsync(db, kept, Ct)),
            ("save", () => store.SaveAsync(db, Conference(lost, "5002"), Ct)),
            ("update", () => store.SaveAsync(db, WithRevision(Conference(kept, "5003"), keptRev), Ct)),
            ("list", () => store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery { Descending = true, Limit = 51 }, Ct)),
            ("numbers", () => store.QueryViewAsync(db, KazooViews.ConferenceByNumber, new ViewQuery { Keys = ["5001"] }, Ct)),
            ("delete", () => store.DeleteAsync(db, kept, keptRev, Ct)),
            ("ensure", () => store.EnsureDatabaseAsync(AccountDatabase.Encoded(KazooIds.NewId()), Ct)),
            ("exists", () => store.DatabaseExistsAsync(db, Ct)),
            ("get again", () => store.GetAsync(db, kept, Ct)),
        };
        foreach (var (name, call) in operations)
        {
            await AssertUnavailableWithinBudgetAsync(name, call);
        }
        var health = await store.CheckHealthAsync(Ct);
        Assert.False(health.Healthy);
        output.WriteLine($"health while down: {health.Description}");

        await couch.StartAgainAsync();
        var back = Stopwatch.StartNew();
        JsonObject? found = null;
        while (found is null)
        {
            try
            {
                found = await store.GetAsync(db, kept, Ct);
            }
            catch (DatastoreUnavailableException) when (back.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100);
            }
        }
        output.WriteLine($"first success {back.ElapsedMilliseconds} ms after CouchDB answered again");

        // Nothing written while CouchDB was down, nothing half-applied, nothing lost; the same store goes on.
        Assert.Equal(keptRev, KazooJson.GetString(found, "_rev"));
        Assert.Equal("""["5001"]""", found["conference_numbers"]!.ToJsonString());
        Assert.Null(await store.GetAsync(db, lost, Ct));
        Assert.Matches("^1-", await store.SaveAsync(db, Conference(lost, "5002"), Ct));
        Assert.Equal(2, (await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery(), Ct)).Count);
        Assert.True((await store.CheckHealthAsync(Ct)).Healthy);
    }

    [Fact]
    public async Task Couchdb_that_accepts_connections_but_never_answers_times_out_within_two_seconds_then_the_circuit_opens()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<TcpClient>();
        using var stop = new CancellationTokenSource();
        var acceptor = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    accepted.Add(await silent.AcceptTcpClientAsync(stop.Token));
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
        var store = server.Stores.Store($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");
        var db = AccountDatabase.Encoded(KazooIds.NewId());

        try
        {
            await AssertUnavailableWithinBudgetAsync("get", () => store.GetAsync(db, KazooIds.NewId(), Ct));
            await AssertUnavailableWithinBudgetAsync("save", () => store.SaveAsync(db, Conference(KazooIds.NewId(), "1"), Ct));
            await AssertUnavailableWithinBudgetAsync("list", () => store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery(), Ct));
            // Attempts cut short by a call's total budget are not counted by the breaker, so it may take one more call.
            for (var call = 0; call < 3 && !circuitOpen; call++)
            {
                await AssertUnavailableWithinBudgetAsync("get until the circuit opens", () => store.GetAsync(db, KazooIds.NewId(), Ct));
            }
            Assert.True(circuitOpen, "the circuit never opened");
            var open = await AssertUnavailableWithinBudgetAsync("with the circuit open", () => store.GetAsync(db, KazooIds.NewId(), Ct));
            Assert.True(open < TimeSpan.FromMilliseconds(500), $"an open circuit fails at once, took {open.TotalMilliseconds} ms");
            var health = Stopwatch.StartNew();
            Assert.False((await store.CheckHealthAsync(Ct)).Healthy);
            Assert.True(health.Elapsed < Budget, $"health took {health.ElapsedMilliseconds} ms");
        }
        finally
        {
            await stop.CancelAsync();
            silent.Stop();
            await acceptor;
            accepted.ForEach(client => client.Dispose());
        }
    }

    private async Task<TimeSpan> AssertUnavailableWithinBudgetAsync(string name, Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<DatastoreUnavailableException>(call);
        watch.Stop();
        circuitOpen = failure.InnerException is Polly.CircuitBreaker.BrokenCircuitException;
        output.WriteLine($"{name}: {watch.ElapsedMilliseconds} ms: {failure.Message}");
        Assert.True(watch.Elapsed < Budget, $"{name} took {watch.ElapsedMilliseconds} ms");
        return watch.Elapsed;
    }

    private static JsonObject Conference(string id, string number) => new()
    {
        ["_id"] = id,
        ["pvt_type"] = "conference",
        ["name"] = $"conference {number}",
        ["conference_numbers"] = new JsonArray(number),
    };

    private static JsonObject WithRevision(JsonObject document, string revision)
    {
        document["_rev"] = revision;
        return document;
    }
}
