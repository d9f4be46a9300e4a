using System.Collections.Concurrent;
using Microsoft.AspNetCore.TestHost;
using Serilog.Core;
using Serilog.Events;

namespace Conferences.Api.Tests.Envelope;

/// <summary>One request id, decided first: in the answer's header, its envelope and every log line (<c>api_resource:get_request_id/1</c>).</summary>
public sealed class RequestIdTests(RequestIdTests.LoggedApiFactory api) : IClassFixture<RequestIdTests.LoggedApiFactory>
{
    [Theory]
    [InlineData("été")]
    [InlineData("a\u0001b")]
    [InlineData("\u00ff")]
    public async Task A_request_id_that_cannot_be_echoed_is_replaced_and_the_answer_is_an_envelope(string given)
    {
        var answer = await api.SendAsync(HttpMethod.Get, "/v2/accounts/0123456789abcdef0123456789abcdef/conferences", null, r =>
        {
            r.Headers.TryAddWithoutValidation("X-Request-ID", given);
            r.Headers.TryAddWithoutValidation("X-Auth-Token", "garbage");
        });

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        var id = answer.Header("X-Request-ID");
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, answer.Json!["request_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_visible_ascii_request_id_is_echoed()
    {
        var answer = await api.SendAsync(HttpMethod.Get, "/v2/nowhere", null, r => r.Headers.Add("X-Request-ID", "req-1/2:3"));

        Assert.Equal("req-1/2:3", answer.Header("X-Request-ID"));
        Assert.Equal("req-1/2:3", answer.Json!["request_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("été")]
    public async Task Every_log_line_of_a_request_names_the_id_of_its_answer(string? given)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync("conferences", r =>
        {
            if (given is not null)
            {
                r.Headers.TryAddWithoutValidation("X-Request-ID", given);
            }
        });

        var id = answer.ExpectStatus(HttpStatusCode.OK).Header("X-Request-ID")!;
        Assert.Contains(api.Events, e => e.MessageTemplate.Text.StartsWith("Executing endpoint", StringComparison.Ordinal) && RequestId(e) == id);
        Assert.Contains(api.Events, e => e.Properties.ContainsKey("StatusCode") && RequestId(e) == id);
    }

    private static string? RequestId(LogEvent e) =>
        e.Properties.TryGetValue("RequestId", out var value) && value is ScalarValue { Value: string id } ? id : null;

    /// <summary>The service with its Serilog events captured (the endpoint middleware's lines are logged inside the request).</summary>
    public sealed class LoggedApiFactory : ApiFactory
    {
        private readonly Sink _sink = new();

        public IReadOnlyCollection<LogEvent> Events => _sink.Events;

        public LoggedApiFactory() => Settings.Set("Serilog:MinimumLevel:Default", "Information")
            .Set("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Routing.EndpointMiddleware", "Information");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(_sink));
        }

        private sealed class Sink : ILogEventSink
        {
            private readonly ConcurrentQueue<LogEvent> _events = new();

            public IReadOnlyCollection<LogEvent> Events => _events;

            public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
        }
    }
}
