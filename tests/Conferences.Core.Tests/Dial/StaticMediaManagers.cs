namespace Conferences.Core.Tests.Dial;

/// <summary>A media-manager directory that knows exactly the managers the test gives it.</summary>
internal sealed class StaticMediaManagers(params MediaManager[] managers) : IMediaManagerDirectory
{
    public IReadOnlyList<MediaManager> Managers { get; set; } = managers;

    public event EventHandler<MediaManager>? Joined
    {
        add { }
        remove { }
    }
}
