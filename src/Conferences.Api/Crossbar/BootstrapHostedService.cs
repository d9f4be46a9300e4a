using Conferences.Core.Accounts;

namespace Conferences.Api.Crossbar;

/// <summary>Runs the account bootstrap before the server starts taking requests.</summary>
public sealed class BootstrapHostedService(AccountBootstrapper bootstrapper) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => bootstrapper.RunAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
