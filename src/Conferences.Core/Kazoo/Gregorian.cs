namespace Conferences.Core.Kazoo;

/// <summary>gregorian = unix + 62167219200 (<c>kz_time:unix_seconds_to_gregorian_seconds/1</c>).</summary>
public static class Gregorian
{
    public const long UnixEpochOffset = 62_167_219_200;

    public static long Now(TimeProvider clock) => FromUnix(clock.GetUtcNow().ToUnixTimeSeconds());

    public static long FromUnix(long unixSeconds) => unixSeconds + UnixEpochOffset;

    public static long ToUnix(long gregorianSeconds) => gregorianSeconds - UnixEpochOffset;
}
