using System.Text.RegularExpressions;

namespace Conferences.Core.Dial;

/// <summary>
/// Which strings crossbar's dial treats as phone numbers (<c>cb_conferences:build_number_endpoint/2</c>; <c>knm_converters</c>,
/// <c>knm_converter_regex</c>): one that, converted to E.164 with Kazoo's default converters, matches the default
/// reconcile regex — or anything shorter than <see cref="MinDigitsForDid"/> bytes (extensions).
/// </summary>
internal static partial class DialNumbers
{
    /// <summary><c>MIN_DIGITS_FOR_DID</c>: shorter strings are extensions and always dialable.</summary>
    public const int MinDigitsForDid = 5;

    /// <summary>Kazoo's default <c>reconcile_regex</c> (Erlang's <c>\d</c> is ASCII-only, hence <c>[0-9]</c>).</summary>
    [GeneratedRegex(@"^(\+?1)?[0-9]{10}$|^\+[2-9][0-9]{7,}$|^011[0-9]*$|^00[0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ReconcileRegex();

    // Kazoo's default e164_converters, tried in this order; the last captured group gets the prefix
    [GeneratedRegex(@"^(\+?1)?([2-9][0-9]{2}[2-9][0-9]{6})$", RegexOptions.CultureInvariant)]
    private static partial Regex NanpConverter();

    [GeneratedRegex(@"^011([0-9]{5,})$|^00([0-9]{5,})$", RegexOptions.CultureInvariant)]
    private static partial Regex InternationalConverter();

    [GeneratedRegex(@"^[2-9][0-9]{7,}$", RegexOptions.CultureInvariant)]
    private static partial Regex GlobalConverter();

    /// <summary>
    /// <c>knm_converter_regex:to_e164/1</c>: <c>+…</c> stays; 10-digit NANP (optionally <c>1</c>/<c>+1</c>) → <c>+1…</c>;
    /// <c>011…</c>/<c>00…</c> with at least 5 more digits → <c>+…</c>; <c>[2-9]</c> and 7+ digits → <c>+…</c>;
    /// anything else unchanged.
    /// </summary>
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

    /// <summary><c>knm_converters:is_reconcilable/1</c>: the E.164 form matches the reconcile regex.</summary>
    public static bool IsReconcilable(string number) => ReconcileRegex().IsMatch(ToE164(number));

    /// <summary>What <c>build_endpoint/2</c> dials as a number: reconcilable, or under 5 bytes long (Erlang <c>byte_size</c>).</summary>
    public static bool IsDialable(string value) =>
        value.Length > 0 && (IsReconcilable(value) || Encoding.UTF8.GetByteCount(value) < MinDigitsForDid);
}
