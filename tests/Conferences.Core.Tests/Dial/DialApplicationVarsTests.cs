using static Conferences.Core.Tests.Dial.DialEndpointResolverTests;

namespace Conferences.Core.Tests.Dial;

/// <summary>Custom application variables of a dial: <c>data.custom_application_vars</c> plus the query string (<c>cb_modules_util:cavs_from_context/1</c>).</summary>
public sealed class DialApplicationVarsTests
{
    [Fact]
    public void Query_parameters_are_merged_over_the_data_vars()
    {
        var context = DialHarness.Context(
            new JsonObject { ["custom_application_vars"] = new JsonObject { ["ticket"] = "41", ["team"] = new JsonObject { ["id"] = 7 } } },
            query: new() { ["ticket"] = "42", ["campaign"] = "spring" });

        AssertJson("""{"ticket":"42","team":{"id":7},"campaign":"spring"}""", DialApplicationVars.From(context.DataObject, context.Query));
    }

    [Fact]
    public void Crossbar_query_parameters_never_become_application_vars()
    {
        var query = DialApplicationVars.ReservedQueryKeys.ToDictionary(k => k, _ => "x");
        query["filter_name"] = "x";
        query["filter_not_name"] = "x";
        query["kept"] = "yes";

        AssertJson("""{"kept":"yes"}""", DialApplicationVars.From(new JsonObject(), query));
    }

    [Fact]
    public void Kazoos_reserved_channel_var_names_are_dropped_from_both_sources()
    {
        var context = DialHarness.Context(
            new JsonObject { ["custom_application_vars"] = new JsonObject { ["Account-ID"] = "spoofed", ["Owner-ID"] = "x", ["note"] = "ok" } },
            query: new() { ["Authorizing-ID"] = "spoofed", ["Presence-ID"] = "x" });

        AssertJson("""{"note":"ok"}""", DialApplicationVars.From(context.DataObject, context.Query));
    }

    [Fact]
    public void Vars_that_are_not_an_object_are_ignored()
    {
        var context = DialHarness.Context(new JsonObject { ["custom_application_vars"] = "nope" });

        AssertJson("{}", DialApplicationVars.From(context.DataObject, context.Query));
    }

    [Fact]
    public void The_vars_come_from_the_outer_data_in_the_nested_form()
    {
        var context = DialHarness.Context(new JsonObject
        {
            ["action"] = "dial",
            ["custom_application_vars"] = new JsonObject { ["outer"] = "1" },
            ["data"] = new JsonObject { ["endpoints"] = new JsonArray("1000"), ["custom_application_vars"] = new JsonObject { ["inner"] = "2" } },
        });

        AssertJson("""{"outer":"1"}""", DialApplicationVars.From(context.DataObject, context.Query));
    }
}
