namespace Conferences.Api.Crossbar;

public static class Responses
{
    public static CrossbarResult Ok(JsonNode data, string? revision = null, bool etag = false) =>
        new(new Envelope { Status = StatusCodes.Status200OK, Data = data, Revision = revision }) { SendETag = etag };

    public static CrossbarResult Ok(DocumentResult result, bool etag = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(new Envelope { Status = StatusCodes.Status200OK, Data = result.Data, Revision = result.Revision, Metadata = result.Metadata }) { SendETag = etag };
    }

    /// <summary>Kazoo answers 201 to every successful PUT, creates and actions alike (cowboy_rest via <c>api_resource:from_json/2</c>).</summary>
    public static CrossbarResult Created(JsonNode data, string? revision = null, string? location = null) =>
        new(new Envelope { Status = StatusCodes.Status201Created, Data = data, Revision = revision }) { Location = location };

    /// <summary>Lists carry an opaque revision (<see cref="RenderedList.Revision"/>).</summary>
    public static CrossbarResult List(ListResult list) => List(RenderedList.From(list));

    public static CrossbarResult List(RenderedList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new(new Envelope
        {
            Status = StatusCodes.Status200OK,
            RenderedData = list.Items,
            Revision = list.Revision,
            PageSize = list.Paginated ? list.Count : null,
            StartKey = list.StartKey,
            NextStartKey = list.NextStartKey,
        })
        { SendETag = true };
    }
}
