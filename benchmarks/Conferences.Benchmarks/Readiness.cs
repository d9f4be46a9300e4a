namespace Conferences.Benchmarks;

/// <summary>Waits for a server the benchmark started to answer.</summary>
internal static class Readiness
{
    /// <summary>Whether <paramref name="url"/> answered 2xx within <paramref name="within"/> (a refused connection is asked again).</summary>
    public static async Task<bool> AnswersAsync(HttpClient client, Uri url, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var answer = await client.GetAsync(url);
                if (answer.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        return false;
    }
}
