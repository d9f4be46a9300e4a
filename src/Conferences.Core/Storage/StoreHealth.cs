namespace Conferences.Core.Storage;

/// <summary>What <c>/health</c> reports about the document store.</summary>
public sealed record StoreHealth(bool Healthy, string Provider, string Description);
