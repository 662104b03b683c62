using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Features.Sweeps;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Sweeps;

public sealed class NewSweepPageTests : IDisposable
{
    private readonly DashboardContext context = new();

    [Fact]
    public void From_a_job_the_base_is_its_spec_and_submitting_sends_the_json_shown_and_opens_the_sweep_page()
    {
        context.Api.Json($"/api/jobs/{Samples.JobId}", Samples.Job(Samples.JobId, name: "lenet-mnist"));
        context.Api.Post("/api/sweeps", HttpStatusCode.Created, JsonSerializer.Serialize(SweepSamples.Sweep(SweepSamples.Definition()), ApiJson.Options));
        var page = RenderPage($"?from={Samples.JobId}");

        page.WaitForAssertion(() => Assert.Equal("lenet-mnist sweep", page.Find("[data-field=name]").GetAttribute("value")));
        var shown = page.Find("pre[data-request-json]").TextContent;
        page.Find("[data-sweep-form]").Submit();

        page.WaitForAssertion(() => Assert.EndsWith($"/sweeps/{SweepSamples.SweepId}", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        var sent = Assert.Single(context.Api.Bodies);
        Assert.Equal(shown, sent);
        Assert.Equal("lenet5", JsonDocument.Parse(sent).RootElement.GetProperty("base").GetProperty("model").GetProperty("name").GetString());
    }

    [Fact]
    public void The_grid_size_follows_the_rows_as_they_are_typed()
    {
        var page = RenderPage();
        Assert.Equal("Grid of 3 trials.", page.Find("[data-grid-size]").TextContent);

        page.Find("[data-action=add-row]").Click();
        var added = page.FindAll("tr[data-row]")[1];
        added.QuerySelector("[data-field=path]")!.Input("hyperparameters.batchSize");
        page.FindAll("tr[data-row]")[1].QuerySelector("[data-field=values]")!.Input("32, 64, 128, 256");

        Assert.Equal("Grid of 3 × 4 = 12 trials.", page.Find("[data-grid-size]").TextContent);
    }

    [Fact]
    public void The_apis_problems_appear_next_to_the_fields_their_keys_name()
    {
        context.Api.Post("/api/sweeps", HttpStatusCode.BadRequest, """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,
             "errors":{"parameters.hyperparameters.learningRate.values[2]":["makes an invalid job: must be at most 10."],
                       "base.hyperparameters.epochs":["must be between 1 and 1000."],
                       "maxTrials":["may not exceed the grid's size (3)."],
                       "earlyStopping.gracePeriod":["must be less than the epochs (4)."],
                       "priority":["is not a known field."]}}
            """);
        var page = RenderPage();
        page.Find("[data-field=asha]").Change(true);

        page.Find("[data-sweep-form]").Submit();

        page.WaitForAssertion(() => Assert.Equal(
            "values[2]: makes an invalid job: must be at most 10.",
            page.Find("[data-problems-for='parameters.hyperparameters.learningRate']").TextContent.Trim()));
        Assert.Equal("hyperparameters.epochs: must be between 1 and 1000.", page.Find("[data-problems-for=base]").TextContent.Trim());
        Assert.Equal("may not exceed the grid's size (3).", page.Find("[data-problems-for=maxTrials]").TextContent.Trim());
        Assert.Equal("must be less than the epochs (4).", page.Find("[data-problems-for='earlyStopping.gracePeriod']").TextContent.Trim());
        Assert.Contains("priority: is not a known field.", page.Find("[data-unplaced-problems]").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/sweeps/new", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void The_curl_command_carries_the_key_placeholder_and_never_the_signed_in_users_key()
    {
        var page = RenderPage();

        var curl = page.Find("[data-curl]").TextContent;

        Assert.StartsWith($"curl -s -X POST '{DashboardContext.PublicUrl}api/sweeps'", curl, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer $KEY", curl, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSession.MemberKey, curl, StringComparison.Ordinal);
        Assert.Contains("\"hyperparameters.learningRate\"", curl, StringComparison.Ordinal);
    }

    [Fact]
    public void Asha_shows_its_defaults_when_turned_on()
    {
        var page = RenderPage();
        Assert.Empty(page.FindAll("[data-field=gracePeriod]"));

        page.Find("[data-field=asha]").Change(true);

        Assert.Equal("1", page.Find("[data-field=gracePeriod]").GetAttribute("value"));
        Assert.Equal("4", page.Find("[data-field=reductionFactor]").GetAttribute("value"));
        Assert.Contains("\"reductionFactor\": 4", page.Find("pre[data-request-json]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prerendered_form_takes_no_input_until_the_page_is_live()
    {
        using var prerender = new DashboardContext(interactive: false);
        prerender.Services.GetRequiredService<NavigationManager>().NavigateTo("sweeps/new");

        var prerendered = prerender.Render<NewSweepPage>();
        var live = RenderPage();

        Assert.True(prerendered.Find("[data-sweep-form] [data-form-body]").HasAttribute("disabled"));
        Assert.False(live.Find("[data-sweep-form] [data-form-body]").HasAttribute("disabled"));
        Assert.NotNull(live.Find("[data-form-body] [data-field=name]"));
    }

    public void Dispose() => context.Dispose();

    private IRenderedComponent<NewSweepPage> RenderPage(string query = "")
    {
        context.Services.GetRequiredService<NavigationManager>().NavigateTo($"sweeps/new{query}");
        return context.Render<NewSweepPage>();
    }
}
