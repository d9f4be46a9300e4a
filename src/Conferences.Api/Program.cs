using Conferences.Api.AsyncApi;
using Conferences.Api.Console;
using Conferences.Api.MediaServer;
using Conferences.Api.Operations;
using Conferences.Api.Websocket;
using Conferences.Core;
using Conferences.Infrastructure.Messaging;
using Conferences.Infrastructure.Realtime;
using Conferences.Infrastructure.Storage;
using Conferences.Infrastructure.Webhooks;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    // the service answers on http://127.0.0.1:8000 unless --urls / ASPNETCORE_URLS say otherwise
    builder.WebHost.UseUrls("http://127.0.0.1:8000");
}

builder.AddOperations();
builder.Services.AddConferencesCore();
builder.Services.AddStorage(builder.Configuration).AddIdempotencySweep();
builder.Services.AddMessaging(builder.Configuration);
builder.Services.AddConferenceActions();
builder.Services.AddLiveConferenceFeed();
builder.Services.AddWebhooks(builder.Configuration);
builder.AddEmbeddedMediaServer();
builder.AddCrossbar();
builder.AddBlackhole();
builder.AddTelemetry(); // after the store and the bus: it measures them

var app = builder.Build();
app.UseTelemetry();
app.UseOperations();
app.UseConsole();
app.UseCrossbar();
app.MapOperations();
app.MapAsyncApi();
app.MapCrossbar();
app.Run();

/// <summary>Entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
