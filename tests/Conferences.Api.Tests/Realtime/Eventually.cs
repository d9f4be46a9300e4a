namespace Conferences.Api.Tests.Realtime;

/// <summary>Polls until a condition holds, with a deadline generous enough for a loaded 2-core machine.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>Returns the first value <paramref name="probe"/> gives that <paramref name="accept"/> accepts; fails with the last one.</summary>
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> accept, TimeSpan? deadline = null, string? what = null)
    {
        var until = DateTime.UtcNow + (deadline ?? Deadline);
        while (true)
        {
            var value = await probe();
            if (accept(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < until, $"{what ?? "condition"} not met in time; last value: {(value is Fixtures.Answer answer ? $"{(int)answer.Status} {answer.Body}" : value)}");
            await Task.Delay(50);
        }
    }
}
