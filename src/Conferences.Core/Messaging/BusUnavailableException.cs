namespace Conferences.Core.Messaging;

/// <summary>The bus is down, closed, or did not confirm a message: the API answers 503 instead of hanging.</summary>
public sealed class BusUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
