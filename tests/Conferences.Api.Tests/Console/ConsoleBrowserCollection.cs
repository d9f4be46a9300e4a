namespace Conferences.Api.Tests.Console;

/// <summary>
/// The browser test classes share one Chromium and run one after another (each still with its own server): on a
/// 2-core machine, several browsers at once beside the rest of the suite would only make every step slower.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsoleBrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "console browser";
}
