using System.Net;
using System.Net.Sockets;

namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>The CouchDB store's change stamps (docs/operations.md, "Caches"): moved by anyone's write through the
/// database's changes feed, and unknown while the feed is silent or switched off.</summary>
[Collection(CouchDbCollection.Name)]
public sealed class CouchDbChangeFeedTests(CouchDbServerFixture server)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_write_straight_to_couchdb_as_kazoo_writes_moves_the_stamp()
    {
        var store = server.Stores.Store(server.Url);
        var (accountId, path) = await server.Raw.CreateKazooAccountDatabaseAsync(withKazooDesigns: false);
        var db = AccountDatabase.Encoded(accountId);
        var before = await ChangeStamps.UntilAsync(store, db, stamp => stamp is not null, TimeSpan.FromSeconds(3));
        Assert.Equal(before, await store.ChangeStampAsync(db, Ct));

        await server.Raw.OverwriteAsync($"{path}/{KazooIds.NewId()}", new JsonObject { ["pvt_type"] = "conference", ["name"] = "Kazoo's" });

        var after = await ChangeStamps.UntilAsync(store, db, stamp => stamp != before, TimeSpan.FromSeconds(1));
        Assert.NotNull(after);
    }

    [Fact]
    public async Task Watching_no_database_gives_no_stamp()
    {
        var store = server.Stores.Store(server.Url, new Dictionary<string, string?> { ["CouchDb:WatchedDatabases"] = "0" });
        var (accountId, _) = await server.Raw.CreateKazooAccountDatabaseAsync(withKazooDesigns: false);

        for (var i = 0; i < 20; i++)
        {
            Assert.Null(await store.ChangeStampAsync(AccountDatabase.Encoded(accountId), Ct));
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Databases_past_the_limit_are_read_every_time()
    {
        var store = server.Stores.Store(server.Url, new Dictionary<string, string?> { ["CouchDb:WatchedDatabases"] = "1" });
        var (first, _) = await server.Raw.CreateKazooAccountDatabaseAsync(withKazooDesigns: false);
        var (second, _) = await server.Raw.CreateKazooAccountDatabaseAsync(withKazooDesigns: false);

        await ChangeStamps.UntilAsync(store, AccountDatabase.Encoded(first), stamp => stamp is not null, TimeSpan.FromSeconds(3));
        for (var i = 0; i < 20; i++)
        {
            Assert.Null(await store.ChangeStampAsync(AccountDatabase.Encoded(second), Ct));
            await Task.Delay(50);
        }
        Assert.NotNull(await store.ChangeStampAsync(AccountDatabase.Encoded(first), Ct));
    }

    [Fact]
    public async Task A_feed_that_falls_silent_gives_no_stamp_after_two_heartbeats_and_a_new_one_once_back()
    {
        using var couch = new SilentChangesServer();
        var store = server.Stores.Store(couch.Url, new Dictionary<string, string?> { ["CouchDb:ChangeFeedHeartbeat"] = "00:00:00.200" });
        var db = AccountDatabase.Encoded(KazooIds.NewId());

        var first = await ChangeStamps.UntilAsync(store, db, stamp => stamp is not null, TimeSpan.FromSeconds(3));
        // the fake sends one heartbeat and then nothing: after two heartbeats (400 ms) the stamp is unknown, while the
        // feed is still open (it is given up after ten)
        await ChangeStamps.UntilAsync(store, db, stamp => stamp is null, TimeSpan.FromSeconds(2));
        Assert.False(couch.FirstClosed, "the stamp was kept until the silent feed was given up");
        // opened again, whatever happened meanwhile is unknown, so the stamp is new
        var second = await ChangeStamps.UntilAsync(store, db, stamp => stamp is not null, TimeSpan.FromSeconds(5));
        Assert.NotEqual(first, second);
        Assert.True(couch.Connections >= 2);
        Assert.Contains("/_changes?feed=continuous&since=now&heartbeat=200", couch.FirstRequestLine, StringComparison.Ordinal);
    }

    /// <summary>Answers every request with the head of a continuous feed and one heartbeat, then holds the connection
    /// open without a byte more.</summary>
    private sealed class SilentChangesServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> held = [];
        private int connections;

        public SilentChangesServer()
        {
            listener.Start();
            _ = AcceptAsync();
        }

        public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

        public int Connections => Volatile.Read(ref connections);

        public string FirstRequestLine { get; private set; } = string.Empty;

        /// <summary>Whether the client closed the first connection.</summary>
        public bool FirstClosed { get; private set; }

        public void Dispose()
        {
            listener.Stop();
            lock (held)
            {
                held.ForEach(client => client.Dispose());
            }
        }

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync();
                }
                catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
                {
                    return;
                }
                lock (held)
                {
                    held.Add(client);
                }
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                var line = await reader.ReadLineAsync() ?? string.Empty;
                if (Interlocked.Increment(ref connections) == 1)
                {
                    FirstRequestLine = line;
                }
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
                {
                }
                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n\n\r\n"u8.ToArray());
                if (connections == 1)
                {
                    _ = WatchFirstAsync(stream);
                }
            }
        }

        private async Task WatchFirstAsync(NetworkStream stream)
        {
            try
            {
                while (await stream.ReadAsync(new byte[64]) > 0)
                {
                }
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException)
            {
            }
            FirstClosed = true;
        }
    }
}
