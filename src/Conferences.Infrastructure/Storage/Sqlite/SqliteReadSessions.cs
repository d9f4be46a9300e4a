using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// Idle read sessions, each taken by one read at a time. A read that fails is not trusted again: its session is closed.
internal sealed class SqliteReadSessions(Func<CancellationToken, Task<SqliteConnection>> open) : IAsyncDisposable
{
    private static readonly int MaxIdle = Math.Clamp(Environment.ProcessorCount * 2, 2, 16);

    private readonly ConcurrentQueue<SqliteReadSession> idle = new();
    private int idleCount;
    private volatile bool disposed;

    public async Task<T> ReadAsync<T>(Func<SqliteReadSession, Task<T>> read, CancellationToken ct)
    {
        var session = Take() ?? new SqliteReadSession(await open(ct).ConfigureAwait(false));
        T result;
        try
        {
            result = await read(session).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        await ReturnAsync(session).ConfigureAwait(false);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        while (Take() is { } session)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private SqliteReadSession? Take()
    {
        if (!idle.TryDequeue(out var session))
        {
            return null;
        }
        Interlocked.Decrement(ref idleCount);
        return session;
    }

    private async ValueTask ReturnAsync(SqliteReadSession session)
    {
        if (disposed || Interlocked.Increment(ref idleCount) > MaxIdle)
        {
            if (!disposed)
            {
                Interlocked.Decrement(ref idleCount);
            }
            await session.DisposeAsync().ConfigureAwait(false);
            return;
        }
        idle.Enqueue(session);
        if (disposed)
        {
            // disposed meanwhile: close whatever is left, this session included
            await DisposeAsync().ConfigureAwait(false);
        }
    }
}
