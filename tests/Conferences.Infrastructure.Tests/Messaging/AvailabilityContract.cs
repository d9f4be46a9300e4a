namespace Conferences.Infrastructure.Tests.Messaging;

/// <summary>A bus that is down fails fast with <see cref="BusUnavailableException"/> (the API's 503) and says so in <c>/health</c>.</summary>
public abstract class AvailabilityContract(IBusSource source) : MessageBusContract(source)
{
    [Fact]
    public async Task Health_reports_a_connected_bus()
    {
        var health = await (await ConnectAsync()).Health.CheckHealthAsync(Ct);

        Assert.True(health.Healthy, health.Description);
        Assert.False(string.IsNullOrEmpty(health.Provider));
    }

    [Fact]
    public async Task Health_reports_a_bus_that_is_down()
    {
        var health = await (await ConnectUnavailableAsync()).Health.CheckHealthAsync(Ct);

        Assert.False(health.Healthy);
    }

    [Fact]
    public async Task Publishing_on_a_bus_that_is_down_fails_fast()
    {
        var bus = await ConnectUnavailableAsync();

        await Assert.ThrowsAsync<BusUnavailableException>(() =>
            bus.Publisher.PublishAsync(KapiRoutingKeys.Command(NewId()), Probe("lock"), Ct).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Subscribing_on_a_bus_that_is_down_fails_fast()
    {
        var bus = await ConnectUnavailableAsync();

        await Assert.ThrowsAsync<BusUnavailableException>(() =>
            bus.Subscriber.SubscribeAsync(KapiQueue.Exclusive(KapiRoutingKeys.AllEvents), (_, _) => Task.CompletedTask, Ct).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Requests_on_a_bus_that_is_down_fail_fast()
    {
        var bus = await ConnectUnavailableAsync();
        var requester = NewRequester(bus);
        var discovery = new MediaManagerDiscovery(requester, DirectoryKnowing(bus, 1));

        await Assert.ThrowsAsync<BusUnavailableException>(() =>
            discovery.SearchAsync(Probe("search"), Ct).WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<BusUnavailableException>(() =>
            requester.CallAsync(new KapiRequest(KapiRoutingKeys.Dial(), Probe("dial")), _ => true, TimeSpan.FromSeconds(1), Ct).WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
