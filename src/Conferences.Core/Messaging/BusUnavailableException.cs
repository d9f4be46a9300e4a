namespace Conferences.Core.Messaging;

/// <summary>
/// The message bus is down, was closed, or did not confirm a message: commands fail fast and the API answers 503
/// instead of hanging (issue 5, "broker down").
/// </summary>
public sealed class BusUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
