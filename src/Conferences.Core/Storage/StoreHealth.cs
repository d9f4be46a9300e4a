namespace Conferences.Core.Storage;

public sealed record StoreHealth(bool Healthy, string Provider, string Description);
