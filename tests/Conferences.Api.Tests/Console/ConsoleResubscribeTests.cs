using static Microsoft.Playwright.Assertions;

namespace Conferences.Api.Tests.Console;

/// <summary>The server drops the console's websocket (a 2 s idle timeout); the page connects again, subscribes again and stays live.</summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class ConsoleResubscribeTests(DroppingConsoleServer api, Chromium chromium) : IClassFixture<DroppingConsoleServer>
{
    [Fact]
    public async Task A_socket_dropped_by_the_server_is_opened_and_subscribed_again()
    {
        var account = await api.NewAccountAsync();
        var conference = (await account.CreateConferenceAsync(new JsonObject { ["name"] = "Flaky" })).DataObject["id"]!.GetValue<string>();
        await using var console = await chromium.OpenAsync(api.ConsoleUrl);
        await console.SignInWithApiKeyAsync(account.ApiKey);
        await console.OpenConferenceAsync(conference);

        // the server closed the first socket (idle for 2 s) and the page is on a later one
        await Expect(console.Page.Locator("body[data-socket='live']:not([data-socket-connections='0']):not([data-socket-connections='1'])")).ToHaveCountAsync(1);
        var control = api.Services.GetRequiredService<SimulatorControl>();
        await control.AddParticipantAsync(new NewParticipant(conference, account.Id) { CallerIdName = "Erin" });

        await Expect(console.Participant("Erin")).ToBeVisibleAsync();
        await Expect(console.Count("participants")).ToHaveTextAsync("1 participants");
    }
}
