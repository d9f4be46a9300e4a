using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conferences.Api.Tests.Console;

/// <summary>
/// The console in a real Chromium against the real service: everything is done from the page (sign-in, create, dial,
/// the sandbox's talking caller, mute, lock, kick, delete) and every change shows without a reload, driven by the
/// websocket. Each step leaves a screenshot under the test results.
/// </summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class ConsoleFlowTests(ConsoleServer api, Chromium chromium) : IClassFixture<ConsoleServer>
{
    // the visible elements that reach past the right edge of the window, as tag#id.class
    private const string Overflowing = """
        () => [...document.querySelectorAll('body *')]
          .filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > window.innerWidth + 1)
          .map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`).join(' ')
        """;

    [Fact]
    public async Task A_conference_is_created_dialled_steered_and_deleted_from_the_page_alone()
    {
        var account = await api.NewAccountAsync(name: "Acme Support");
        await using var console = await chromium.OpenAsync(api.ConsoleUrl);
        var page = console.Page;

        await console.SignInWithApiKeyAsync(account.ApiKey);
        await console.ExpectSignedInAsync();
        await Expect(page.GetByLabel("Account", new() { Exact = true })).ToContainTextAsync("Acme Support");
        await Chromium.ScreenshotAsync(page, "01-signed-in");

        // the service's validation error appears beside the field it names
        await page.GetByRole(AriaRole.Link, new() { Name = "New conference" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Standup");
        await page.GetByLabel("Conference numbers").FillAsync("55501x0");
        await console.Button("Create").ClickAsync();
        await Expect(page.Locator("#field-conference_numbers-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#field-conference_numbers-error")).ToContainTextAsync("pattern");
        await Expect(page.GetByLabel("Conference numbers")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(console.Alert).ToContainTextAsync("validation error");
        await Chromium.ScreenshotAsync(page, "02-validation-error");

        await page.GetByLabel("Conference numbers").FillAsync("5550100");
        await console.Button("Create").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Standup" })).ToBeVisibleAsync();
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-socket", "live");
        var conference = Assert.Single((await account.GetAsync("conferences")).DataArray)!["id"]!.GetValue<string>();

        // dial two endpoints: both appear without a reload (the dial answers before the members join)
        await console.DialAsync("sip:alice@example.com", "Alice");
        await console.DialAsync("sip:bob@example.com", "Bob", moderator: true);
        await Expect(console.Count("participants")).ToHaveTextAsync("2 participants");
        await Expect(console.Badge("Bob", "moderator")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "03-dialled");

        // the sandbox makes Alice talk: the simulator publishes start-talking and the badge shows it
        await console.Button("Start talking: Alice").ClickAsync();
        await Expect(console.Badge("Alice", "talking")).ToBeVisibleAsync();
        await Expect(console.Count("talking")).ToHaveTextAsync("1 talking");
        await Chromium.ScreenshotAsync(page, "04-talking");

        // from the keyboard: the controls are plain buttons
        await console.Button("Mute Alice").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(console.Badge("Alice", "muted")).ToBeVisibleAsync();
        await Expect(console.Count("muted")).ToHaveTextAsync("1 muted");
        await Expect(console.Badge("Bob", "muted")).ToHaveCountAsync(0);
        await console.Button("Deaf Alice").ClickAsync();
        await Expect(console.Badge("Alice", "deaf")).ToBeVisibleAsync();
        await Expect(console.Count("deaf")).ToHaveTextAsync("1 deaf");
        await Chromium.ScreenshotAsync(page, "05-muted");

        await console.Button("Lock").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#lock-state")).ToHaveTextAsync("locked");
        await Expect(console.Button("Unlock")).ToBeVisibleAsync();

        // recording shows the media name the service chose; play reaches everyone without an error
        await console.Button("Start recording").ClickAsync();
        await Expect(page.Locator("#recording")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^recording to \S+"));
        await console.Button("Stop recording").ClickAsync();
        await Expect(page.Locator("#recording")).ToHaveTextAsync("recording stopped");
        await console.Button("Play to everyone").ClickAsync();
        await Expect(console.Button("Play to everyone")).ToBeEnabledAsync();
        await Expect(console.Alert).ToBeHiddenAsync();

        await console.Button("Kick Bob").ClickAsync();
        await Expect(console.Participant("Bob")).ToHaveCountAsync(0);
        await Expect(console.Count("participants")).ToHaveTextAsync("1 participants");
        await Chromium.ScreenshotAsync(page, "06-locked-and-kicked");

        // the list shows the live counts and the lock; then the conference is deleted from it
        await page.GetByRole(AriaRole.Link, new() { Name = "All conferences" }).ClickAsync();
        var row = page.Locator($"tr[data-id='{conference}']");
        await Expect(row).ToContainTextAsync("locked");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Chromium.ScreenshotAsync(page, "07-list");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Standup" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.Empty((await account.GetAsync("conferences")).DataArray);
    }

    [Fact]
    public async Task A_bad_api_key_shows_the_envelopes_message()
    {
        var refused = await api.SendAsync(HttpMethod.Put, "/v2/api_auth", Body.Data(new JsonObject { ["api_key"] = "not-a-key" }));
        var message = refused.Json!["message"]!.GetValue<string>();
        await using var console = await chromium.OpenAsync(api.ConsoleUrl);

        await console.SignInWithApiKeyAsync("not-a-key");

        await Expect(console.Alert).ToContainTextAsync(message);
        await Expect(console.Page.GetByRole(AriaRole.Textbox, new() { Name = "API key", Exact = true })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(console.Page, "08-bad-key");
    }

    [Fact]
    public async Task A_second_page_sees_the_first_pages_changes_live()
    {
        var account = await api.NewAccountAsync();
        var conference = (await account.CreateConferenceAsync(new JsonObject { ["name"] = "Shared" })).DataObject["id"]!.GetValue<string>();
        await using var first = await chromium.OpenAsync(api.ConsoleUrl);
        await using var second = await chromium.OpenAsync(api.ConsoleUrl, width: 390, height: 844);
        await first.SignInWithApiKeyAsync(account.ApiKey);
        await second.SignInWithApiKeyAsync(account.ApiKey);
        await first.OpenConferenceAsync(conference);
        await second.OpenConferenceAsync(conference);

        await first.AddSimulatedCallerAsync("Carol", "1001", moderator: true);
        await first.AddSimulatedCallerAsync("Dave", "1002");
        await Expect(second.Participant("Carol")).ToBeVisibleAsync();
        await Expect(second.Participant("Dave")).ToBeVisibleAsync();
        await Expect(second.Badge("Carol", "moderator")).ToBeVisibleAsync();

        await first.Button("Mute everyone").ClickAsync();
        await Expect(second.Badge("Dave", "muted")).ToBeVisibleAsync();
        await Expect(second.Count("muted")).ToHaveTextAsync("1 muted");
        await first.Button("Hang up Dave").ClickAsync();
        await Expect(second.Participant("Dave")).ToHaveCountAsync(0);
        await Expect(second.Count("participants")).ToHaveTextAsync("1 participants");

        // usable at 390 px: nothing wider than the screen
        Assert.Equal("", await second.Page.EvaluateAsync<string>(Overflowing));
        await Chromium.ScreenshotAsync(second.Page, "09-second-page-390px");

        // the first page's list follows a caller the second page adds, without a reload
        await first.Page.GetByRole(AriaRole.Link, new() { Name = "All conferences" }).ClickAsync();
        var row = first.Page.Locator($"tr[data-id='{conference}']");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("1");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("0");
        await second.AddSimulatedCallerAsync("Frank", "1003");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1");
    }
}
