namespace Conferences.Core.Auth;

/// <summary>Where Kazoo's signing keys are read from: the shared store as Kazoo keeps them, or configuration.</summary>
public interface IKazooKeyReader
{
    Task<KazooPublicKey?> ReadAsync(string kid, CancellationToken cancellationToken);

    /// <summary>The kid Kazoo signs new tokens with, for the health check; null when it cannot be known.</summary>
    Task<string?> CurrentKidAsync(CancellationToken cancellationToken);
}
