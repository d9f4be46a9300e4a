using Conferences.Api.Tests.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conferences.Api.Tests.Console;

/// <summary>
/// The console's other sign-ins: a user's name and password with the account name (the page computes Kazoo's md5 of
/// <c>username:password</c>, UTF-8 included) and a token; the token lives in sessionStorage only, and sign-out forgets it.
/// </summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class ConsoleSignInTests(ConsoleServer api, Chromium chromium) : IClassFixture<ConsoleServer>
{
    [Fact]
    public async Task A_user_signs_in_with_name_password_and_account_name_and_signs_out()
    {
        var accountName = $"Users {Guid.NewGuid():N}";
        var account = await api.NewAccountAsync(name: accountName);
        await UserAuthUsers.SaveAsync(api, account.Id, UserAuthUsers.User(account.Id, "ada", "pässwörd 1"));
        await using var console = await chromium.OpenAsync(api.ConsoleUrl);
        var page = console.Page;

        await console.SignInWithPasswordAsync("ada", "pässwörd 1", accountName);

        await console.ExpectSignedInAsync();
        await Expect(page.GetByLabel("Account", new() { Exact = true })).ToContainTextAsync(accountName);
        Assert.NotNull(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('console.token')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));

        await console.Button("Sign out").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('console.token')"));
    }

    [Fact]
    public async Task A_token_signs_in_and_a_wrong_password_shows_the_envelopes_message()
    {
        var account = await api.NewAccountAsync(name: "Token holder");
        await api.NewAccountAsync(account, name: "Token holder's branch");
        await using var console = await chromium.OpenAsync(api.ConsoleUrl);
        var page = console.Page;

        await console.SignInWithPasswordAsync("nobody", "wrong", "Token holder");
        var refused = await UserAuthUsers.LoginAsync(api, UserAuthUsers.Login("nobody", "wrong", "Token holder"));
        await Expect(console.Alert).ToContainTextAsync(refused.Json!["message"]!.GetValue<string>());

        await page.GetByRole(AriaRole.Radio, new() { Name = "Token", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Token", Exact = true }).FillAsync(account.Token);
        await console.Button("Sign in").ClickAsync();

        await console.ExpectSignedInAsync();
        await Expect(page.GetByLabel("Account", new() { Exact = true })).ToContainTextAsync("Token holder's branch");
        await Expect(page.GetByLabel("Account", new() { Exact = true })).ToContainTextAsync("Token holder");
        await Expect(console.Alert).ToBeHiddenAsync();
    }
}
