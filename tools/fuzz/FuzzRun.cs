using System.Collections.Concurrent;
using System.Diagnostics;

namespace Conferences.Fuzz;

/// <summary>Counts of a run, and a few examples of each broken promise.</summary>
public sealed class FuzzRun
{
    private const int ExamplesPerKind = 5;

    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentDictionary<string, int> _serverErrorNames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _examples = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _requests;
    private int _serverErrors;
    private int _notEnvelopes;
    private int _timeouts;
    private int _refusedByServer;
    private int _transportErrors;

    public int Requests => _requests;

    public int ServerErrors => _serverErrors;

    public int NotEnvelopes => _notEnvelopes;

    public int Timeouts => _timeouts;

    public int RefusedByServer => _refusedByServer;

    public int TransportErrors => _transportErrors;

    public TimeSpan Elapsed => _clock.Elapsed;

    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    /// <summary>5xx answers by status and envelope error name (<c>503 datastore_unreachable</c>…).</summary>
    public IReadOnlyDictionary<string, int> ServerErrorNames => _serverErrorNames;

    public IReadOnlyDictionary<string, ConcurrentQueue<string>> Examples => _examples;

    public List<string> InvalidStored { get; } = [];

    public bool SiblingChanged { get; set; }

    public void Record(FuzzRequest request, FuzzOutcome outcome)
    {
        Interlocked.Increment(ref _requests);
        if (outcome.Status is { } status)
        {
            _statuses.AddOrUpdate((int)status, 1, (_, n) => n + 1);
        }
        if (outcome.RefusedByServer)
        {
            Interlocked.Increment(ref _refusedByServer);
        }
        if (outcome.IsServerError)
        {
            Interlocked.Increment(ref _serverErrors);
            _serverErrorNames.AddOrUpdate($"{(int)outcome.Status!} {ErrorName(outcome.Body)}", 1, (_, n) => n + 1);
            Example("5xx", request, outcome);
        }
        if (outcome.IsNotEnvelope)
        {
            Interlocked.Increment(ref _notEnvelopes);
            Example("not an envelope", request, outcome);
        }
        if (outcome.IsTimeout)
        {
            Interlocked.Increment(ref _timeouts);
            Example("timeout", request, outcome);
        }
    }

    public void RecordTransportError(FuzzRequest request, Exception error)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _transportErrors);
        AddExample("transport error", $"{request} → {error.GetType().Name}: {error.Message}");
    }

    private void Example(string kind, FuzzRequest request, FuzzOutcome outcome) =>
        AddExample(kind, $"{request} → {string.Join("; ", outcome.Problems)}");

    private void AddExample(string kind, string text)
    {
        var queue = _examples.GetOrAdd(kind, _ => new ConcurrentQueue<string>());
        if (queue.Count < ExamplesPerKind)
        {
            queue.Enqueue(text.Length > 1500 ? text[..1500] + "…" : text);
        }
    }

    private static string ErrorName(byte[] body)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(body)?["message"]?.ToString() ?? "(no error name)";
        }
        catch (System.Text.Json.JsonException)
        {
            return "(not JSON)";
        }
    }
}
