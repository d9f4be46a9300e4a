using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace Conferences.Api.Sandbox;

/// <summary>
/// The sandbox's routes exist only while the media-server simulator runs in this process (ADR 0014): its controller is
/// internal, so MVC does not find it by itself, and it is added to the controllers only then. Elsewhere its paths are
/// crossbar's 404 like any unknown path.
/// </summary>
public static class SandboxExtensions
{
    public static IServiceCollection AddSimulatorSandbox(this IServiceCollection services)
    {
        services.AddSingleton<SimulatorSandbox>();
        services.AddMvcCore().ConfigureApplicationPartManager(parts => parts.FeatureProviders.Add(new SandboxControllerFeature()));
        return services;
    }

    private sealed class SandboxControllerFeature : IApplicationFeatureProvider<ControllerFeature>
    {
        public void PopulateFeature(IEnumerable<ApplicationPart> parts, ControllerFeature feature)
        {
            var controller = typeof(SandboxController).GetTypeInfo();
            if (!feature.Controllers.Contains(controller))
            {
                feature.Controllers.Add(controller);
            }
        }
    }
}
