using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using Conferences.Core.Webhooks;
using Polly;
using Polly.Retry;

namespace Conferences.Infrastructure.Webhooks;

/// <summary>
/// Sends a delivery with the <c>webhooks</c> client of <see cref="IHttpClientFactory"/> (no redirects, no proxy, the
/// address check of <see cref="WebhookConnector"/>): each attempt signed afresh, bounded by
/// <see cref="WebhookOptions.Timeout"/>, at most <see cref="WebhookOptions.MaxResponseBytes"/> of the answer read;
/// retries on a failure or a non-2xx answer with Polly's exponential back-off (<see cref="WebhookOptions.RetryDelay"/>).
/// </summary>
public sealed class HttpWebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider clock) : IWebhookSender
{
    public const string ClientName = "webhooks";

    // one retry pipeline per retry count (0–4), built once rather than per delivery
    private readonly ConcurrentDictionary<int, ResiliencePipeline<WebhookAttemptResult>> pipelines = new();

    public async Task<WebhookAttemptResult> SendAsync(WebhookRequest request, Func<WebhookAttemptResult, Task> onAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onAttempt);
        var attempt = 0;
        var pipeline = pipelines.GetOrAdd(request.Retries, NewPipeline);
        return await pipeline.ExecuteAsync(async ct =>
        {
            var result = await AttemptAsync(request, ++attempt, ct).ConfigureAwait(false);
            await onAttempt(result).ConfigureAwait(false);
            return result;
        }, cancellationToken).ConfigureAwait(false);
    }

    private ResiliencePipeline<WebhookAttemptResult> NewPipeline(int retries) =>
        new ResiliencePipelineBuilder<WebhookAttemptResult> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<WebhookAttemptResult>
            {
                MaxRetryAttempts = Math.Max(retries, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Value.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.AttemptNumber < retries && args.Outcome.Result is { Succeeded: false }),
            })
            .Build();

    private async Task<WebhookAttemptResult> AttemptAsync(WebhookRequest request, int attempt, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(options.Value.Timeout);
        try
        {
            using var message = Build(request, started.ToUnixTimeSeconds());
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, budget.Token).ConfigureAwait(false);
            var latency = watch.Elapsed;
            await DrainAsync(response, budget.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return new WebhookAttemptResult(attempt, started, status, latency, status is >= 200 and < 300 ? null : $"HTTP {status}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new WebhookAttemptResult(attempt, started, null, watch.Elapsed, $"timeout after {options.Value.Timeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttemptResult(attempt, started, null, watch.Elapsed, e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        }
    }

    private static HttpRequestMessage Build(WebhookRequest request, long timestamp)
    {
        var method = request.HttpVerb == "put" ? HttpMethod.Put : HttpMethod.Post;
        var message = new HttpRequestMessage(method, request.Uri) { Content = new ByteArrayContent(request.Body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        message.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        message.Headers.Add(WebhookHeaders.Signature, WebhookHeaders.SignatureVersion + WebhookSecret.Sign(request.Secret, timestamp, request.Body));
        message.Headers.Add(WebhookHeaders.WebhookId, request.WebhookId);
        message.Headers.Add(WebhookHeaders.EventId, request.EventId);
        message.Headers.UserAgent.Add(new ProductInfoHeaderValue("conferences-webhooks", "1"));
        return message;
    }

    // the answer is not used: read a bounded part of it so the connection can be reused, and drop the rest with it
    private async Task DrainAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[Math.Min(options.Value.MaxResponseBytes, 4096)];
            var left = options.Value.MaxResponseBytes;
            while (left > 0)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, left)), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                left -= read;
            }
        }
    }
}
