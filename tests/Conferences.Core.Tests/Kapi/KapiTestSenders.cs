namespace Conferences.Core.Tests.Kapi;

/// <summary>The senders the message building tests use.</summary>
internal static class KapiTestSenders
{
    /// <summary>crossbar sending conference commands, as kapps_conference.</summary>
    public static readonly KapiSender Commands = KapiSender.KappsConference("crossbar@api1");
}
