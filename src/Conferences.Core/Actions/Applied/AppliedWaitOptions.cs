namespace Conferences.Core.Actions.Applied;

/// <summary>The <c>Actions</c> configuration section: how long <c>wait=applied</c> waits for the media server's confirmation.</summary>
public sealed class AppliedWaitOptions
{
    public const string Section = "Actions";

    /// <summary>Past this, the answer is 202 naming the targets not confirmed yet.</summary>
    public TimeSpan AppliedTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
