using Conferences.Core.Idempotency;
using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// Kept answers are queued and written together a few milliseconds after the first of them (ADR 0011): one commit for
// all the answers of that moment, none on a request's path. Every CheckpointEvery commits of the key file, its WAL is
// checkpointed here, on a connection of its own, so that no claim waits for the checkpoint's fsync.
internal sealed class SqliteIdempotencyAnswers(SqliteIdempotencySession session)
{
    private const int CheckpointEvery = 256;
    private const string CompleteSql = "UPDATE idempotency_keys SET expires = $expires, status = $status, headers = $headers, body = $body WHERE id = $id AND claim = $claim;";

    private static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentQueue<Pending> queue = new();
    private int scheduled;
    private int commits;
    private int checkpointing;

    public Task Enqueue(IdempotencyEntry claim, IdempotentAnswer answer, long expires)
    {
        var pending = new Pending(claim, answer, expires);
        queue.Enqueue(pending);
        if (Interlocked.Exchange(ref scheduled, 1) == 0)
        {
            _ = FlushLaterAsync();
        }
        return pending.Stored.Task;
    }

    /// <summary>Counts a commit of the key file; now and then starts a checkpoint in the background.</summary>
    public void Committed()
    {
        if (Interlocked.Increment(ref commits) % CheckpointEvery == 0 && Interlocked.Exchange(ref checkpointing, 1) == 0)
        {
            _ = Task.Run(Checkpoint);
        }
    }

    public async Task FlushAsync()
    {
        var batch = new List<Pending>();
        while (queue.TryDequeue(out var pending))
        {
            batch.Add(pending);
        }
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            // serialised here, off the requests' paths and outside the connection's turn
            var headers = batch.ConvertAll(p => new JsonObject([.. p.Answer.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))]).ToJsonString());
            var written = await session.RunAsync(s => Write(s, batch, headers), CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                if (written[i])
                {
                    batch[i].Stored.TrySetResult();
                }
                else
                {
                    // the claim's lease ended and another request holds the key now: its answer is not replaced
                    batch[i].Stored.TrySetException(new DocumentConflictException(IdempotencyKeys.Database, batch[i].Claim.Id));
                }
            }
            Committed();
        }
        catch (Exception exception)
        {
            batch.ForEach(pending => pending.Stored.TrySetException(exception));
        }
    }

    private async Task FlushLaterAsync()
    {
        await Task.Delay(BatchDelay).ConfigureAwait(false);
        Volatile.Write(ref scheduled, 0);
        await FlushAsync().ConfigureAwait(false);
    }

    private static bool[] Write(SqliteIdempotencySession session, List<Pending> batch, List<string> headers)
    {
        var single = batch.Count == 1;
        if (!single)
        {
            session.Get("BEGIN IMMEDIATE;").ExecuteNonQuery();
        }
        try
        {
            var written = batch.Select((p, i) => session.Get(CompleteSql).Bind("$id", p.Claim.Id).Bind("$claim", p.Claim.Claim).Bind("$expires", p.Expires)
                .Bind("$status", p.Answer.Status).Bind("$headers", headers[i]).Bind("$body", p.Answer.Body).ExecuteNonQuery() == 1).ToArray();
            if (!single)
            {
                session.Get("COMMIT;").ExecuteNonQuery();
            }
            return written;
        }
        catch when (!single)
        {
            Rollback(session);
            throw;
        }
    }

    private static void Rollback(SqliteIdempotencySession session)
    {
        try
        {
            session.Get("ROLLBACK;").ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // the failed connection is closed by the session, which rolls back as well
        }
    }

    private void Checkpoint()
    {
        try
        {
            using var connection = session.Open();
            using var checkpoint = connection.Command(null, "PRAGMA wal_checkpoint(PASSIVE);");
            checkpoint.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // busy or unavailable: the next checkpoint copies these frames too
        }
        finally
        {
            Volatile.Write(ref checkpointing, 0);
        }
    }

    private sealed class Pending(IdempotencyEntry claim, IdempotentAnswer answer, long expires)
    {
        public IdempotencyEntry Claim { get; } = claim;

        public IdempotentAnswer Answer { get; } = answer;

        public long Expires { get; } = expires;

        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
