using Conferences.MediaServer.Worker;

namespace Conferences.MediaServer;

/// <summary>
/// <c>dotnet run --project src/Conferences.MediaServer</c>: the simulator as a media-server manager of its own on
/// RabbitMQ (docs/operations.md, docs/amqp.md). The API hosts the same simulator in its process with the
/// in-process bus. A namespaced class rather than top-level statements: ASP.NET Core makes a top-level
/// <c>Program</c> public, and the API's tests must see one <c>Program</c> only, the API's.
/// </summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => MediaServerWorker.RunAsync(args);
}
