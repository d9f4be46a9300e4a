using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conferences.Api.Tests.Console;

/// <summary>What a person does on the console, in its labels and roles (the way a keyboard or screen-reader user finds them).</summary>
public sealed class ConsolePage(IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public ILocator Alert => Page.GetByRole(AriaRole.Alert);

    public ILocator Participant(string name) => Page.GetByRole(AriaRole.Listitem, new() { Name = $"Participant {name}", Exact = true });

    public ILocator Badge(string name, string badge) => Participant(name).Locator($"[data-badge='{badge}']");

    public ILocator Count(string what) => Page.Locator($"#conference [data-count='{what}']");

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public async Task SignInWithApiKeyAsync(string apiKey)
    {
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Textbox, new() { Name = "API key", Exact = true }).FillAsync(apiKey);
        await Button("Sign in").ClickAsync();
    }

    public async Task SignInWithPasswordAsync(string userName, string password, string accountName)
    {
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "User name and password" }).CheckAsync();
        await Page.GetByLabel("User name", new() { Exact = true }).FillAsync(userName);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Account name", new() { Exact = true }).FillAsync(accountName);
        await Button("Sign in").ClickAsync();
    }

    public async Task ExpectSignedInAsync()
    {
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Conferences", Exact = true, Level = 2 })).ToBeVisibleAsync();
        await Expect(Page.Locator("body")).ToHaveAttributeAsync("data-socket", "live");
    }

    public async Task OpenConferenceAsync(string id)
    {
        await Page.GotoAsync($"/#/conference/{id}");
        await Expect(Page.Locator("body")).ToHaveAttributeAsync("data-socket", "live");
    }

    public async Task DialAsync(string endpoint, string callerName, bool moderator = false)
    {
        await Page.GetByLabel("Endpoints", new() { Exact = false }).FillAsync(endpoint);
        await Page.GetByLabel("Caller id name").FillAsync(callerName);
        await Page.GetByLabel("join as moderators").SetCheckedAsync(moderator);
        await Button("Dial").ClickAsync();
        await Expect(Participant(callerName)).ToBeVisibleAsync();
        // the form is cleared when the answer arrives, which may be after the member's event: wait for it
        await Expect(Button("Dial")).ToBeEnabledAsync();
    }

    public async Task AddSimulatedCallerAsync(string name, string number, bool moderator = false)
    {
        await Page.GetByLabel("Caller name").FillAsync(name);
        await Page.GetByLabel("Caller number").FillAsync(number);
        await Page.GetByLabel("moderator", new() { Exact = true }).SetCheckedAsync(moderator);
        await Button("Add simulated caller").ClickAsync();
        await Expect(Participant(name)).ToBeVisibleAsync();
        await Expect(Button("Add simulated caller")).ToBeEnabledAsync();
    }

    /// <summary>Closes the page's context: its websocket goes, and the server's connection with it.</summary>
    public ValueTask DisposeAsync() => new(Page.Context.CloseAsync());
}
