using Microsoft.Playwright;

namespace Conferences.Api.Tests.Console;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by build.sh) driven by Playwright, one browser for the
/// console's test classes (<see cref="ConsoleBrowserCollection"/>); each page gets a context of its own (its own
/// sessionStorage), closed with its <see cref="ConsolePage"/>. Screenshots go to
/// <c>artifacts/test-results/console/</c> (or <c>CONFERENCES_CONSOLE_SCREENSHOTS</c>).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // generous: a loaded 2-core machine shares its cores with the server, the browser and other test classes
    public const float Timeout = 30_000;

    private IPlaywright? playwright;
    private IBrowser? browser;

    public static string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("CONFERENCES_CONSOLE_SCREENSHOTS") is { Length: > 0 } configured
        ? configured
        : Path.Combine(RepositoryRoot(), "artifacts", "test-results", "console");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: ./build.sh test installs it (apt-get install chromium)");
        Assertions.SetDefaultExpectTimeout(Timeout);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Args = ["--no-sandbox"] });
    }

    /// <summary>A page in a fresh context, <paramref name="width"/> pixels wide.</summary>
    public async Task<ConsolePage> OpenAsync(string baseUrl, int width = 1280, int height = 900)
    {
        var context = await browser!.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        // the console asks before deleting: the tests say yes
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return new ConsolePage(page);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Conferences.sln")))
            {
                return directory.FullName;
            }
        }
        return Path.GetTempPath();
    }
}
