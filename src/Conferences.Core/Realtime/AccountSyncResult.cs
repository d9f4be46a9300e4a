namespace Conferences.Core.Realtime;

/// <summary>How an account resync went (<see cref="LiveConferenceSync.SyncAccountAsync"/>).</summary>
public enum AccountSyncResult
{
    NobodyToAsk,

    Complete,

    /// <summary>Some manager stayed silent: what answered was applied, nothing disproved.</summary>
    Partial,
}
