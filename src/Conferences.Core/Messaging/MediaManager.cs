namespace Conferences.Core.Messaging;

/// <summary>A media-server manager (ecallmgr node) the directory currently counts, and until when.</summary>
public sealed record MediaManager(string Node, string Zone, DateTimeOffset LastHeartbeat, DateTimeOffset ExpiresAt);
