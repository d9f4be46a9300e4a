namespace Conferences.Core;

/// <summary>A registration list reads as a list: each type, in order, as one instance for the process.</summary>
public static class SingletonServiceCollectionExtensions
{
    public static IServiceCollection AddSingletons(this IServiceCollection services, params Type[] types)
    {
        foreach (var type in types)
        {
            services.AddSingleton(type);
        }
        return services;
    }
}
