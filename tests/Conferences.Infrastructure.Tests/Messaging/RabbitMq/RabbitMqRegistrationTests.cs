using Conferences.Infrastructure.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary><c>Messaging:Provider=rabbitmq</c>: what <c>AddRabbitMqMessaging</c> registers and what it refuses (docs/operations.md).</summary>
public sealed class RabbitMqRegistrationTests
{
    [Fact]
    public async Task Rabbitmq_messaging_registers_every_port_over_one_bus()
    {
        var configuration = Configuration(new()
        {
            ["ConnectionStrings:RabbitMq"] = "amqp://user:secret@broker.example:5673/kazoo",
            ["RabbitMq:Prefetch"] = "20",
            ["RabbitMq:OperationTimeout"] = "00:00:01.500",
        });
        var services = new ServiceCollection().AddLogging();
        services.AddRabbitMqMessaging(configuration);
        await using var provider = services.BuildServiceProvider();

        var bus = provider.GetRequiredService<RabbitMqBus>();
        Assert.Same(bus, provider.GetRequiredService<IKapiPublisher>());
        Assert.Same(bus, provider.GetRequiredService<IKapiSubscriber>());
        Assert.Same(bus, provider.GetRequiredService<IMessageBusHealth>());
        Assert.NotNull(provider.GetRequiredService<IKapiRequester>());
        Assert.NotNull(provider.GetRequiredService<MediaManagerDiscovery>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is BusListenerHost<MediaManagerDirectory>);
        Assert.Contains(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations, r => r.Name == "bus");
        var options = provider.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
        Assert.Equal((20, TimeSpan.FromMilliseconds(1500)), (options.Prefetch, options.OperationTimeout));
        Assert.Equal("amqp://broker.example:5673/kazoo", options.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://127.0.0.1:5672/")]
    [InlineData("not a uri")]
    public void Missing_or_bad_connection_string_fails_at_registration_naming_the_key(string? connectionString)
    {
        var configuration = Configuration(new() { ["ConnectionStrings:RabbitMq"] = connectionString });

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddRabbitMqMessaging(configuration));

        Assert.Contains("ConnectionStrings:RabbitMq", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_out_of_range_fail_on_start()
    {
        var configuration = Configuration(new() { ["ConnectionStrings:RabbitMq"] = "amqp://127.0.0.1/", ["RabbitMq:Prefetch"] = "0" });
        var services = new ServiceCollection().AddLogging();
        services.AddRabbitMqMessaging(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RabbitMqOptions>>().Value);
    }

    [Fact]
    public async Task Health_of_an_unreachable_broker_is_unhealthy_and_hides_the_password()
    {
        await using var bus = RabbitMqBrokerFixture.Bus($"amqp://guest:hunter2@127.0.0.1:{LoopbackPorts.Unused()}/");

        var health = await bus.CheckHealthAsync(CancellationToken.None);

        Assert.False(health.Healthy);
        Assert.Equal("rabbitmq", health.Provider);
        Assert.DoesNotContain("hunter2", health.Description, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
