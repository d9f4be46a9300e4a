namespace Conferences.Core.Kapi;

/// <summary>
/// The value checks a kapi message applies to a key (the <c>*_TYPES</c> lists of <c>kapi_conference.erl</c>,
/// made explicit for every declared key; <c>kapi_conference.erl</c>). Enumerations such as <c>Relationship</c> are
/// allowed-value lists on the definition, not types.
/// </summary>
public enum KapiValueType
{
    /// <summary>A JSON string (Erlang <c>is_binary/1</c>).</summary>
    String,

    /// <summary>A JSON number without fraction (Erlang <c>is_integer/1</c>).</summary>
    Integer,

    /// <summary>JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON object (<c>kz_json:is_json_object/1</c>).</summary>
    Object,

    /// <summary>A JSON array of anything.</summary>
    Array,

    /// <summary>A JSON array whose items are all strings (e.g. <c>Participant-Flags</c>).</summary>
    StringArray,

    /// <summary>A non-empty JSON array of objects (<c>Endpoints</c>, <c>Endpoint-Responses</c>: <c>kz_term:is_ne_list/1</c> and <c>kz_json:are_json_objects/1</c>).</summary>
    NonEmptyObjectArray,

    /// <summary>
    /// An integer, or a string of decimal digits with an optional leading minus: <c>Participant-ID</c> arrives in
    /// both forms (crossbar's bulk actions send a string, single actions an integer; <c>kapps_conference_command.erl</c>).
    /// </summary>
    IntegerOrNumericString,
}
