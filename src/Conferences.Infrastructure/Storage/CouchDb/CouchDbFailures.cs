using System.Net;
using Polly;

namespace Conferences.Infrastructure.Storage.CouchDb;

/// <summary>The one place CouchDB's answers become the port's errors (409, 404 on write, 400, 503); no credentials in
/// messages.</summary>
public static class CouchDbFailures
{
    public static bool IsTransport(Exception exception, CancellationToken callerToken) => exception switch
    {
        HttpRequestException => true,
        ExecutionRejectedException => true, // Polly: attempt/total timeout, open circuit, rate limit
        OperationCanceledException => !callerToken.IsCancellationRequested, // HttpClient.Timeout
        IOException => true,
        _ => false,
    };

    public static DatastoreUnavailableException Unreachable(string server, string operation, Exception exception) =>
        new($"CouchDB at {server} did not answer {operation}: {Describe(exception)}", exception);

    public static CouchResult Require(CouchResult result, string server, string database, string? id, string operation)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsSuccess)
        {
            return result;
        }
        throw result.Status switch
        {
            HttpStatusCode.Conflict => new DocumentConflictException(database, id ?? string.Empty),
            HttpStatusCode.NotFound => new KeyNotFoundException($"database {database} does not exist; create it with EnsureDatabaseAsync first"),
            HttpStatusCode.BadRequest => new ArgumentException($"CouchDB refused {operation} in {database}: {result.Error}: {result.Reason}"),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new DatastoreUnavailableException($"CouchDB at {server} refused the credentials for {operation} ({result})"),
            _ => new DatastoreUnavailableException($"CouchDB at {server} failed {operation} in {database} ({result})"),
        };
    }

    private static string Describe(Exception exception) => exception switch
    {
        Polly.CircuitBreaker.BrokenCircuitException => "circuit open after repeated failures",
        Polly.Timeout.TimeoutRejectedException => "timed out",
        OperationCanceledException => "timed out",
        HttpRequestException { InnerException: { } inner } http => $"{http.Message} ({inner.Message})",
        _ => exception.Message,
    };
}
