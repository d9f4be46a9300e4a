namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>How a contract suite gets stores of one adapter.</summary>
public interface IStoreSource
{
    /// <summary>A store over the adapter's shared storage; two calls give two instances over the same data.</summary>
    Task<IDocumentStore> CreateStoreAsync();

    /// <summary>A store whose backend cannot be reached (missing file, closed port).</summary>
    IDocumentStore CreateUnreachableStore();
}
