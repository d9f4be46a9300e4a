using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conferences.Core.Telemetry;

/// <summary>Puts the store and the bus publisher under spans and metrics (docs/operations.md); hosts call it only with telemetry on.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <param name="storeSystem"><c>db.system.name</c>: <c>sqlite</c> or <c>couchdb</c>; null when the host has no store.</param>
    /// <param name="messagingSystem"><c>messaging.system</c>: <c>rabbitmq</c> or <c>inprocess</c>.</param>
    /// <remarks>Call after the store and the bus are registered: it decorates their registrations.</remarks>
    public static IServiceCollection AddConferencesTelemetry(this IServiceCollection services, string? storeSystem, string messagingSystem)
    {
        if (storeSystem is not null)
        {
            Decorate<IDocumentStore>(services, inner => new TracedDocumentStore(inner, storeSystem));
        }
        Decorate<IKapiPublisher>(services, inner => new TracedKapiPublisher(inner, messagingSystem));
        return services;
    }

    private static void Decorate<T>(IServiceCollection services, Func<T, T> decorate)
        where T : class
    {
        var index = -1;
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(T))
            {
                index = i;
            }
        }
        if (index < 0)
        {
            throw new InvalidOperationException($"{typeof(T).Name} must be registered before telemetry decorates it");
        }
        var original = services[index];
        if (original.ImplementationType is { } type)
        {
            // the container keeps owning (and disposing) the implementation, registered under its own type
            services.TryAdd(ServiceDescriptor.Singleton(type, type));
        }
        services[index] = ServiceDescriptor.Singleton<T>(sp => decorate((T)(
            original.ImplementationInstance ?? original.ImplementationFactory?.Invoke(sp) ?? sp.GetRequiredService(original.ImplementationType!))));
    }
}
