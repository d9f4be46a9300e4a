namespace Conferences.Core.Tests.Actions;

/// <summary>The media names of play (<c>kz_media_util:media_path/2</c>) and of the recordings this service names (docs/compatibility.md D4).</summary>
public sealed class MediaNameTests
{
    [Fact]
    public void Media_paths_follow_kz_media_util()
    {
        Assert.Equal("/acct/id", MediaPath.For("id", "acct"));
        Assert.Equal("a/b", MediaPath.For("a/b", "acct"));
        Assert.Equal("tone_stream://%(100,0,440)", MediaPath.For("tone_stream://%(100,0,440)", "acct"));
        Assert.Equal("system_media", MediaPath.For("system_media", "acct"));
    }

    [Fact]
    public void Recording_names_keep_only_safe_characters_of_the_conference_id()
    {
        var name = new RecordingNames(TimeProvider.System).NewName("a.b/c d");

        Assert.StartsWith("conference_a_b_c_d_", name, StringComparison.Ordinal);
    }
}
