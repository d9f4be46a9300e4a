namespace Conferences.Core.Kapi;

/// <summary>The <c>*_TYPES</c> checks of <c>kapi_conference.erl</c>, made explicit for every declared key.</summary>
public enum KapiValueType
{
    String,

    Integer,

    Boolean,

    Object,

    Array,

    /// <summary>A JSON array whose items are all strings (e.g. <c>Participant-Flags</c>).</summary>
    StringArray,

    /// <summary>A non-empty JSON array of objects (<c>Endpoints</c>, <c>Endpoint-Responses</c>: <c>kz_term:is_ne_list/1</c> and <c>kz_json:are_json_objects/1</c>).</summary>
    NonEmptyObjectArray,

    /// <summary><c>Participant-ID</c>: crossbar's bulk actions send a string, single actions an integer.</summary>
    IntegerOrNumericString,
}
