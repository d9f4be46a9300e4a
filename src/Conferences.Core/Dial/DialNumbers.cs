using System.Text.RegularExpressions;

namespace Conferences.Core.Dial;

// Which strings dial treats as numbers (cb_conferences:build_number_endpoint/2, knm_converters; docs/crossbar.md,
// "Dial").
internal static partial class DialNumbers
{
    // MIN_DIGITS_FOR_DID: shorter strings are extensions, always dialable.
    public const int MinDigitsForDid = 5;

    // Kazoo's default reconcile_regex (Erlang's \d is ASCII-only, hence [0-9]).
    [GeneratedRegex(@"^(\+?1)?[0-9]{10}$|^\+[2-9][0-9]{7,}$|^011[0-9]*$|^00[0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ReconcileRegex();

    // Kazoo's default e164_converters, tried in this order; the last captured group gets the prefix
    [GeneratedRegex(@"^(\+?1)?([2-9][0-9]{2}[2-9][0-9]{6})$", RegexOptions.CultureInvariant)]
    private static partial Regex NanpConverter();

    [GeneratedRegex(@"^011([0-9]{5,})$|^00([0-9]{5,})$", RegexOptions.CultureInvariant)]
    private static partial Regex InternationalConverter();

    [GeneratedRegex(@"^[2-9][0-9]{7,}$", RegexOptions.CultureInvariant)]
    private static partial Regex GlobalConverter();

    // knm_converter_regex:to_e164/1 (docs/crossbar.md, "Dial").
    public static string ToE164(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (number.StartsWith('+'))
        {
            return number;
        }
        if (NanpConverter().Match(number) is { Success: true } nanp)
        {
            return "+1" + nanp.Groups[2].Value;
        }
        if (InternationalConverter().Match(number) is { Success: true } international)
        {
            return "+" + (international.Groups[1].Success ? international.Groups[1].Value : international.Groups[2].Value);
        }
        return GlobalConverter().IsMatch(number) ? "+" + number : number;
    }

    public static bool IsReconcilable(string number) => ReconcileRegex().IsMatch(ToE164(number));

    // build_endpoint/2 dials reconcilable numbers, or anything under 5 bytes (Erlang byte_size).
    public static bool IsDialable(string value) =>
        value.Length > 0 && (IsReconcilable(value) || Encoding.UTF8.GetByteCount(value) < MinDigitsForDid);
}
