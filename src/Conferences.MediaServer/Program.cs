using Conferences.MediaServer.Worker;

namespace Conferences.MediaServer;

// The simulator worker (docs/amqp.md). Not top-level statements: ASP.NET Core makes a top-level Program public, and the
// API's tests must see only the API's.
internal static class Program
{
    public static Task<int> Main(string[] args) => MediaServerWorker.RunAsync(args);
}
