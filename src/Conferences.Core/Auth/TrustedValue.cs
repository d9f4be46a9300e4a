namespace Conferences.Core.Auth;

/// <summary>A value read from the store (null: absent) and when it was read, which bounds how long it may be trusted.</summary>
public sealed record TrustedValue(string? Value, DateTimeOffset ReadAt);
