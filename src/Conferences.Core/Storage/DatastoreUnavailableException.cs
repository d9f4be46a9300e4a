namespace Conferences.Core.Storage;

/// <summary>The store did not answer in time or refused the connection: Kazoo answers 503 <c>datastore_unreachable</c>.</summary>
public sealed class DatastoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
