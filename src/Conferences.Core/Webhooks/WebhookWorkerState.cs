namespace Conferences.Core.Webhooks;

/// <summary>
/// A webhook's worker in this instance: whether it runs, and what it should send next — the deliveries this
/// instance's intake handed over as it wrote them (no outbox read needed), or a note that the outbox must be read
/// (at start, after the poll found work, when too many were handed over, after the worker stopped early). The
/// outbox stays the truth: anything handed over is also in it, so a hand-over dropped here is found by a read.
/// </summary>
internal sealed class WebhookWorkerState
{
    private const int MaxHanded = 1000;

    private readonly Queue<PendingDelivery> handed = new();
    private readonly SemaphoreSlim signal = new(0, 1);
    private bool scan = true;
    private bool poked;
    private bool active;

    // the newest ticket the last outbox read returned: a hand-over up to it was in that read
    private string scanned = string.Empty;

    public Task Running { get; set; } = Task.CompletedTask;

    /// <summary>Whether a worker runs (it sends what it is handed, and reads the outbox when it starts again).</summary>
    public bool Active
    {
        get
        {
            lock (handed)
            {
                return active;
            }
        }
    }

    /// <summary>Asks for an outbox read; true when no worker runs and the caller must start one.</summary>
    public bool Wake()
    {
        lock (handed)
        {
            RequestScan();
            return Poke();
        }
    }

    /// <summary>Hands over a delivery just written; true when the caller must start a worker.</summary>
    public bool Hand(PendingDelivery delivery)
    {
        lock (handed)
        {
            if (!scan && handed.Count < MaxHanded)
            {
                handed.Enqueue(delivery);
            }
            else
            {
                RequestScan();
            }
            return Poke();
        }
    }

    /// <summary>What to send next: read the outbox (<c>Scan</c>), or these handed-over deliveries (none: nothing known).</summary>
    public (bool Scan, IReadOnlyList<PendingDelivery> Handed) Take(int max)
    {
        lock (handed)
        {
            poked = false;
            if (scan)
            {
                scan = false;
                handed.Clear();
                return (true, []);
            }
            var next = new List<PendingDelivery>(Math.Min(max, handed.Count));
            while (next.Count < max && handed.TryDequeue(out var delivery))
            {
                if (string.CompareOrdinal(delivery.Delivery.Ticket, scanned) > 0)
                {
                    next.Add(delivery);
                }
            }
            return (false, next);
        }
    }

    /// <summary>An outbox read returned <paramref name="found"/>; a full page means more may follow.</summary>
    public void Scanned(IReadOnlyList<PendingDelivery> found, bool full)
    {
        lock (handed)
        {
            if (found.Count > 0 && string.CompareOrdinal(found[^1].Delivery.Ticket, scanned) > 0)
            {
                scanned = found[^1].Delivery.Ticket;
            }
            if (full)
            {
                RequestScan();
            }
        }
    }

    /// <summary>The worker has just taken the lease: another instance may have sent or written meanwhile, so read the outbox first.</summary>
    public void Rescan()
    {
        lock (handed)
        {
            RequestScan();
        }
    }

    /// <summary>Waits for new work up to <paramref name="timeout"/>; false when none came.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);

    /// <summary>The idle worker may stop unless work came since it last took some; true when it stopped.</summary>
    public bool TryStop()
    {
        lock (handed)
        {
            active = poked;
            return !active;
        }
    }

    /// <summary>The worker stops without having sent everything (lease taken, webhook disabled, failure): read the outbox next time.</summary>
    public void Stop()
    {
        lock (handed)
        {
            RequestScan();
            active = false;
        }
    }

    private void RequestScan()
    {
        scan = true;
        handed.Clear();
    }

    private bool Poke()
    {
        poked = true;
        if (active)
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
            return false;
        }
        active = true;
        return true;
    }
}
