using System.Globalization;
using System.Text;
using CsCheck;

namespace Conferences.Fuzz;

/// <summary>Request bodies: Kazoo envelopes with plausible and wrong data, every action, and malformed bytes.</summary>
public static class FuzzBodies
{
    private static readonly Gen<string> Number = Gen.OneOf(
        "0", "-0", "1", "-1", "10", "3.5", "1e400", "-1e400", "123456789012345678901234567890", "9223372036854775808",
        "1E2", "0.0000000000000000000001", "2147483648", "1.7976931348623157e309");

    private static readonly Gen<string> Text = Gen.OneOf(
        "\"\"", "\"x\"", "\"Sales\"", "\"1234\"", "\"5550100\"", "\"été\"", "\"\\u0000\"", "\"\\ud83d\\ude00\"", "\"a\\\"b\"",
        "\"sip:a@example.com\"", "\"sip:busy@example.com\"", "\"sip:fail@example.com\"", "\"1000\"", "\"+15555550100\"",
        "\"0123456789abcdef0123456789abcdef\"", "\"true\"", "\"10\"", "\"/system_media/x\"", "\"http://x/y.mp3\"",
        "\"../../etc/passwd\"", "\"_design/x\"", "\"" + new string('n', 300) + "\"");

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (4, Text), (3, Number), (2, Gen.OneOf("true", "false", "null")));

    private static readonly Gen<string> Key = Gen.OneOf(
        "name", "member", "moderator", "conference_numbers", "numbers", "pins", "join_muted", "join_deaf", "play_name",
        "profile", "owner_id", "max_participants", "flags", "id", "_read_only", "pvt_type", "_rev", "ui_metadata", "Name",
        "action", "data", "endpoints", "timeout", "caller_id_name", "participant_flags", "media_id", "media_name",
        "participant_id", "other_participant", "relationship", "custom_application_vars", "api_key", "credentials",
        "account_name", "", "a.b", "é", "x");

    /// <summary>JSON values nested up to <paramref name="depth"/> levels.</summary>
    private static Gen<string> Value(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency((5, Scalar), (2, Object(depth - 1)), (2, Array(depth - 1)));

    private static Gen<string> Object(int depth) =>
        Gen.Select(Key, Value(depth), (k, v) => $"\"{k}\":{v}").Array[0, 5].Select(kvs => "{" + string.Join(',', kvs) + "}");

    private static Gen<string> Array(int depth) => Value(depth).Array[0, 4].Select(vs => "[" + string.Join(',', vs) + "]");

    private static readonly Gen<string> Digits = Gen.OneOf("\"100\"", "\"5550100\"", "\"1234\"", "\"12a\"", "1234", "\"\"");

    /// <summary>Conference documents: mostly close to the schema, so that many creates succeed and are stored.</summary>
    private static readonly Gen<string> Conference = Gen.Frequency(
        (2, Gen.Const("{}")),
        (6, Gen.Select(
            Gen.OneOf("\"Sales\"", "\"été\"", "\"日本 \\ud83d\\ude00\"", "\"a\\u0000b\""),
            Gen.OneOf("100", "5550100", "1234", "987654321").Array[0, 3].Select(ds => "[" + string.Join(',', ds.Distinct().Select(d => $"\"{d}\"")) + "]"),
            Gen.Bool,
            Gen.OneOf("ui_metadata", "custom", "Custom-Key", "profile_name", "flags", "play_entry_tone"),
            Value(1),
            (name, numbers, muted, extraKey, extra) =>
                $"{{\"name\":{name},\"conference_numbers\":{numbers},\"member\":{{\"join_muted\":{(muted ? "true" : "false")},\"pins\":[\"1234\"]}},\"{extraKey}\":{extra}}}")),
        (6, Gen.Select(
            Gen.OneOf("\"Sales\"", "\"été\"", "\"\"", "7", "\"" + new string('n', 129) + "\"", "null"),
            Digits.Array[0, 3].Select(ds => "[" + string.Join(',', ds) + "]"),
            Gen.OneOf("true", "false", "\"true\"", "1", "null"),
            Gen.Frequency((3, Value(1)), (1, Value(3))),
            Gen.OneOf("ui_metadata", "profile", "member", "custom", "_read_only", "pvt_deleted", "id"),
            (name, numbers, flag, extra, extraKey) =>
                $"{{\"name\":{name},\"conference_numbers\":{numbers},\"member\":{{\"join_muted\":{flag},\"numbers\":{numbers}}},\"{extraKey}\":{extra}}}")),
        (2, Object(2)));

    private static readonly Gen<string> Endpoint = Gen.Frequency(
        (4, Text), (1, Object(1)), (1, Number));

    private static readonly Gen<string> ActionData = Gen.Frequency(
        (3, Gen.Select(Endpoint.Array[0, 3], Gen.OneOf("1", "2", "\"5\"", "0", "-1", "99999999999", "null"),
            Gen.OneOf("[]", "[\"mute\"]", "[\"is_moderator\",\"deaf\"]", "[\"bogus\"]", "\"mute\""),
            (e, t, f) => $"{{\"endpoints\":[{string.Join(',', e)}],\"timeout\":{t},\"participant_flags\":{f}}}")),
        (2, Gen.Select(Gen.OneOf("\"start\"", "\"stop\"", "\"x\"", "1", "null"), Gen.OneOf("\"rec.mp3\"", "\"../x\"", "\"\"", "2", "\".x\""),
            (a, m) => $"{{\"action\":{a},\"media_name\":{m}}}")),
        (2, Gen.Select(Gen.OneOf("\"x\"", "\"/system_media/a\"", "\"\"", "3", "null"), m => $"{{\"media_id\":{m}}}")),
        (2, Gen.Select(Gen.OneOf("1", "\"2\"", "\"x\"", "null", "-5", "1e400"), Gen.OneOf("1", "\"1\"", "\"y\"", "3"), Gen.OneOf("\"deaf\"", "\"clear\"", "\"mute\"", "\"x\"", "1"),
            (p, o, r) => $"{{\"participant_id\":{p},\"other_participant\":{o},\"relationship\":{r}}}")),
        (2, Value(2)));

    private static readonly Gen<string> ActionName = Gen.OneOf(
        "dial", "lock", "unlock", "play", "record", "mute", "unmute", "deaf", "undeaf", "kick", "relate", "", "DIAL", "Mute", "bogus");

    /// <summary>The envelope: <c>data</c> (conference, action data, or anything) and sometimes other keys.</summary>
    private static readonly Gen<string> Envelope = Gen.Frequency(
        (10, Conference.Select(d => $"{{\"data\":{d}}}")),
        (4, Gen.Select(ActionName, ActionData, (a, d) => $"{{\"data\":{{\"action\":\"{a}\",\"data\":{d}}}}}")),
        (4, Gen.Select(ActionName, ActionData, (a, d) => $"{{\"action\":\"{a}\",\"data\":{d}}}")),
        (1, Gen.Select(ActionName, ActionData, (a, d) => $"{{\"data\":{d},\"Action\":\"{a}\"}}")),
        (2, Gen.Select(Conference, Value(1), (d, other) => $"{{\"data\":{d},\"Data\":{other}}}")),
        (1, Gen.Select(Conference, Value(1), (d, other) => $"{{\"DATA\":{d},\"data\":{other}}}")),
        (1, Gen.Select(Conference, Conference, (d, again) => $"{{\"data\":{d},\"data\":{again}}}")),
        (1, Gen.Select(Conference, Gen.OneOf("\"PUT\"", "\"DELETE\"", "\"get\"", "1"), (d, v) => $"{{\"data\":{d},\"verb\":{v}}}")),
        (1, Gen.OneOf("{\"data\":{\"api_key\":\"x\"}}", "{\"data\":{\"credentials\":\"00\",\"account_name\":\"master\"}}", "{\"data\":{\"name\":\"child\"}}")),
        (2, Value(3)),
        (1, Gen.OneOf("", " ", "null", "[]", "\"data\"", "{\"data\":null}", "{\"data\":\"x\"}", "{\"data\":7}")));

    private static readonly Gen<byte[]> InvalidUtf8 = Gen.OneOf<byte[]>(
        [0x80], [0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0x00]);

    /// <summary>Malformed variants of a well-formed envelope.</summary>
    private static Gen<byte[]> Mutate(Gen<string> envelope) => Gen.Frequency(
        (24, envelope.Select(FuzzGenerators.Utf8)),
        (2, Gen.Select(envelope, Gen.Int[0, 999], (e, cut) => FuzzGenerators.Utf8(e)[..(FuzzGenerators.Utf8(e).Length * cut / 1000)])),
        (2, Gen.Select(envelope, Gen.Int[0, 999], InvalidUtf8, (e, at, bad) => Insert(FuzzGenerators.Utf8(e), at, bad))),
        (1, envelope.Select(e => (byte[])[0xEF, 0xBB, 0xBF, .. FuzzGenerators.Utf8(e)])),
        (1, envelope.Select(e => (byte[])[0xFF, 0xFE, .. Encoding.Unicode.GetBytes(e)])),
        (1, Gen.Int[1, 300].Select(depth => FuzzGenerators.Utf8("{\"data\":" + new string('[', depth) + new string(']', depth) + "}"))),
        (1, Gen.Int[1, 300].Select(depth => FuzzGenerators.Utf8("{\"data\":" + Nested(depth) + "}"))),
        (1, Gen.Byte.Array[1, 64]),
        (1, Gen.Int[1, 20_000].Select(n => FuzzGenerators.Utf8("{\"data\":{\"name\":\"" + new string('w', n) + "\"}}"))),
        (1, Gen.Int[1, 5_000].Select(n => FuzzGenerators.Utf8("{\"data\":{\"conference_numbers\":[" + string.Join(',', Enumerable.Range(0, n).Select(i => $"\"{i.ToString(CultureInfo.InvariantCulture)}\"")) + "]}}"))));

    public static readonly Gen<byte[]> Body = Mutate(Envelope);

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static byte[] Insert(byte[] text, int perMille, byte[] bytes)
    {
        var index = text.Length * perMille / 1000;
        return [.. text[..index], .. bytes, .. text[index..]];
    }
}
