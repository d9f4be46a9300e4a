using static Conferences.Api.Tests.Idempotency.IdempotencyRequests;

namespace Conferences.Api.Tests.Idempotency;

/// <summary>
/// Two API instances on one store and one RabbitMQ broker, as behind a load balancer: a retry that reaches the other
/// instance is replayed from the store (after 409 in progress while the first instance is still storing its answer),
/// and the bus carries one command.
/// </summary>
public sealed class IdempotencyTwoInstancesTests(IdempotencyTwoInstancesTests.Pair pair) : IClassFixture<IdempotencyTwoInstancesTests.Pair>
{
    [Fact]
    public async Task A_retry_on_the_other_instance_is_replayed_and_one_command_is_sent()
    {
        var onFirst = await pair.First.NewAccountAsync();
        var onSecond = await pair.Second.AuthenticateAsync(onFirst.ApiKey);
        var id = await onFirst.CreateConferenceIdAsync();
        await using var bus = await CommandCounter.ListenAsync(pair.First, id);
        var key = NewKey();

        var first = await onFirst.ConferenceActionAsync(id, "lock", key);
        var retry = await UntilAnsweredAsync(() => onSecond.ConferenceActionAsync(id, "lock", key));
        var different = await onSecond.ConferenceActionAsync(id, "unlock", key);
        await onSecond.ConferenceActionAsync(id, "unlock", key: null);

        first.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal(first.Body, retry.ExpectStatus(HttpStatusCode.Created).Body);
        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        different.ExpectError(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(["lock"], await bus.UntilAsync("unlock"));
    }

    /// <summary>Two instances on one SQLite file (as on one CouchDB) and the test broker, neither with a simulator.</summary>
    public sealed class Pair : IDisposable
    {
        private readonly string database = Path.Combine(Path.GetTempPath(), $"conferences-idempotency-{Guid.NewGuid():N}.db");

        public Pair()
        {
            First = new Instance(database);
            Second = new Instance(database);
        }

        public ApiFactory First { get; }

        public ApiFactory Second { get; }

        public void Dispose()
        {
            First.Dispose();
            Second.Dispose();
        }
    }

    private sealed class Instance : ApiFactory
    {
        public Instance(string database) => Settings.Sqlite(database).RabbitMq().QuickRecovery().Simulator(false);
    }
}
