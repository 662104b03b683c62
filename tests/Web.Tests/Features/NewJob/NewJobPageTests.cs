using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Web.Features.NewJob;
using TrainingService.Web.Features.Shared;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.NewJob;

public sealed class NewJobPageTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private static readonly Guid Source = Guid.Parse("00000000-0000-0000-0000-0000000a6a1e");
    private readonly DashboardContext context = new();

    public NewJobPageTests()
    {
        context.Api.Json("/api/models", NewJobSamples.Models);
        context.Api.Json("/api/datasets", NewJobSamples.Datasets);
        context.Api.Post(NewJobSamples.ValidatePath, HttpStatusCode.OK, NewJobSamples.Valid());
    }

    [Fact]
    public void The_form_starts_from_a_spec_the_api_takes_and_shows_the_networks_size_and_summary()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal("valid", page.Find("[data-network-summary]").GetAttribute("data-state")), Patience);
        Assert.Equal("61,706", page.Find("[data-parameters]").TextContent);
        Assert.StartsWith("1x32x32", page.Find("[data-input-shape]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Total params: 61,706", page.Find("[data-summary-text]").TextContent, StringComparison.Ordinal);
        Assert.Equal("lenet5", page.Find("[data-model-picker]").GetAttribute("value"));
        Assert.Contains("LeCun et al. 1998", page.Find("[data-model-description]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Images 1x28x28, 10 classes; 60,000 training", page.Find("[data-dataset-facts]").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, context.Api.CountOf(HttpMethod.Post, "/api/jobs"));
    }

    [Fact]
    public void Fields_left_empty_show_the_default_the_api_filled_in()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal("42", Input(page, "hyperparameters.seed").GetAttribute("placeholder")), Patience);
        Assert.Equal("", Input(page, "hyperparameters.seed").GetAttribute("value"));
        Assert.Equal("lenet5 on mnist", Input(page, "name").GetAttribute("placeholder"));
        Assert.Equal("default (normal)", page.Find("[data-field='hyperparameters.priority'] option").TextContent);
        Assert.NotNull(page.Find("[data-field='hyperparameters.momentum']"));
        Assert.Empty(page.FindAll("[data-field='hyperparameters.beta1']"));
    }

    [Fact]
    public void Each_problem_appears_next_to_the_field_it_names_and_the_rest_at_the_top()
    {
        context.Api.Post(NewJobSamples.ValidatePath, HttpStatusCode.BadRequest, NewJobSamples.Problems("""
            {"hyperparameters.learningRate": ["must be greater than 0 and at most 10; got 50."],
             "dataset.trainLimit": ["must be at least 1."],
             "hyperparameters.epoch": ["is not a known field."]}
            """));

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal("must be greater than 0 and at most 10; got 50.",
            page.Find("[data-field='hyperparameters.learningRate'] [data-field-error]").TextContent.Trim()), Patience);
        Assert.Equal("true", Input(page, "hyperparameters.learningRate").GetAttribute("aria-invalid"));
        Assert.Equal("must be at least 1.", page.Find("[data-field='dataset.trainLimit'] [data-field-error]").TextContent.Trim());
        Assert.Equal("hyperparameters.epoch: is not a known field.", page.Find("[data-unplaced-problems] li").TextContent);
        Assert.Single(page.FindAll("[data-unplaced-problems] li"));
        Assert.Equal("invalid", page.Find("[data-network-summary]").GetAttribute("data-state"));
    }

    [Fact]
    public void Editing_a_field_asks_the_api_again_with_the_new_value_once_typing_pauses()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(1, context.Api.CountOf(HttpMethod.Post, NewJobSamples.ValidatePath)), Patience);
        context.Api.Post(NewJobSamples.ValidatePath, HttpStatusCode.OK, NewJobSamples.Valid(parameters: 61_000));

        Input(page, "hyperparameters.learningRate").Input("0.");
        Input(page, "hyperparameters.learningRate").Input("0.2");

        page.WaitForAssertion(() => Assert.Equal("61,000", page.Find("[data-parameters]").TextContent), Patience);
        Assert.Equal(2, context.Api.CountOf(HttpMethod.Post, NewJobSamples.ValidatePath));
        var sent = JsonDocument.Parse(context.Api.Bodies.Last()).RootElement;
        Assert.Equal(0.2, sent.GetProperty("hyperparameters").GetProperty("learningRate").GetDouble());
        Assert.Equal("0.2", Input(page, "hyperparameters.learningRate").GetAttribute("value"));
    }

    [Fact]
    public void Text_that_is_not_a_number_is_sent_as_typed_so_the_api_names_the_field()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(1, context.Api.CountOf(HttpMethod.Post, NewJobSamples.ValidatePath)), Patience);

        Input(page, "hyperparameters.batchSize").Input("sixty-four");

        page.WaitForAssertion(() => Assert.Equal(2, context.Api.CountOf(HttpMethod.Post, NewJobSamples.ValidatePath)), Patience);
        var sent = JsonDocument.Parse(context.Api.Bodies.Last()).RootElement;
        Assert.Equal("sixty-four", sent.GetProperty("hyperparameters").GetProperty("batchSize").GetString());
    }

    [Fact]
    public void Run_again_prefills_the_form_with_the_stored_spec_under_a_name_that_says_so()
    {
        context.Api.Json($"/api/jobs/{Source}", NewJobSamples.CustomJob(Source));

        var page = RenderPage(from: Source);

        page.WaitForAssertion(() => Assert.Equal("tiny (again)", Input(page, "name").GetAttribute("value")), Patience);
        Assert.Equal("custom", page.Find("[data-model-picker]").GetAttribute("value"));
        Assert.Equal(["Conv2d", "ReLU", "Flatten", "Linear"], page.FindAll("[data-row-type]").Select(s => s.GetAttribute("value")));
        Assert.Equal("4", Input(page, "model.custom[0].out").GetAttribute("value"));
        Assert.Equal("adam", page.Find("#field-hyperparameters-optimizer").GetAttribute("value"));
        Assert.Equal("0.999", Input(page, "hyperparameters.beta2").GetAttribute("value"));
        Assert.Equal("300", Input(page, "dataset.trainLimit").GetAttribute("value"));
        var sent = JsonDocument.Parse(context.Api.Bodies.First()).RootElement;
        Assert.Equal("tiny (again)", sent.GetProperty("name").GetString());
        Assert.False(sent.GetProperty("dataset").TryGetProperty("transforms", out _), "nulls of the stored spec are left out");
        Assert.False(sent.GetProperty("model").GetProperty("custom")[0].TryGetProperty("stride", out _));
        Assert.Contains(Source.ToString(), page.Find("[data-run-again-of]").GetAttribute("data-run-again-of"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_of_a_custom_layer_appears_on_its_row_and_rows_can_be_moved_and_removed()
    {
        context.Api.Json($"/api/jobs/{Source}", NewJobSamples.CustomJob(Source));
        context.Api.Post(NewJobSamples.ValidatePath, HttpStatusCode.BadRequest, NewJobSamples.Problems("""
            {"model.custom[3].out": ["is 10 but ..."], "model.custom[0]": ["input 1x28x28 becomes 4x0x0 at 0 (Conv2d)"]}
            """));
        var page = RenderPage(from: Source);

        page.WaitForAssertion(() => Assert.Equal("is 10 but ...",
            page.Find("[data-row='model.custom[3]'] [data-field='model.custom[3].out'] [data-field-error]").TextContent.Trim()), Patience);
        Assert.Equal("input 1x28x28 becomes 4x0x0 at 0 (Conv2d)", page.Find("[data-field-error='model.custom[0]']").TextContent.Trim());

        page.Find("[data-row='model.custom[1]'] [data-action=up]").Click();
        page.Find("[data-row='model.custom[2]'] [data-action=remove]").Click();

        Assert.Equal(["ReLU", "Conv2d", "Linear"], page.FindAll("[data-row-type]").Select(s => s.GetAttribute("value")));
        Assert.Equal("4", Input(page, "model.custom[1].out").GetAttribute("value"));
        Assert.Contains("\"custom\": [", page.Find("[data-spec-json]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_layers_type_keeps_the_members_the_new_type_takes()
    {
        context.Api.Json($"/api/jobs/{Source}", NewJobSamples.CustomJob(Source));
        var page = RenderPage(from: Source);
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-row-type]").Count), Patience);

        page.FindAll("[data-row-type]")[0].Change("MaxPool2d");

        var json = JsonDocument.Parse(page.Find("[data-spec-json]").TextContent).RootElement;
        Assert.Equal("""{"type":"MaxPool2d","kernel":3}""", System.Text.Json.Nodes.JsonNode.Parse(json.GetProperty("model").GetProperty("custom")[0].GetRawText())!.ToJsonString());
        Assert.Empty(page.FindAll("[data-field='model.custom[0].out']"));
    }

    [Fact]
    public void Choosing_an_upload_sends_its_id_and_custom_starts_a_layer_list()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-dataset-picker]")), Patience);

        page.Find("[data-dataset-picker]").Change("imagefolder:0b6c1f0e-0000-0000-0000-00000000cafe");
        page.Find("[data-model-picker]").Change("custom");

        var json = JsonDocument.Parse(page.Find("[data-spec-json]").TextContent).RootElement;
        Assert.Equal("imagefolder", json.GetProperty("dataset").GetProperty("name").GetString());
        Assert.Equal("0b6c1f0e-0000-0000-0000-00000000cafe", json.GetProperty("dataset").GetProperty("id").GetString());
        Assert.False(json.GetProperty("model").TryGetProperty("name", out _));
        Assert.Equal(["Flatten", "Linear"], page.FindAll("[data-row-type]").Select(s => s.GetAttribute("value")));
        Assert.Contains("Images 3x64x64, 2 classes", page.Find("[data-dataset-facts]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_curl_command_sends_the_shown_json_to_the_public_api_with_the_key_as_a_variable()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-curl]")), Patience);

        var curl = page.Find("[data-curl]").TextContent;
        var json = System.Text.Json.Nodes.JsonNode.Parse(page.Find("[data-spec-json]").TextContent)!.ToJsonString();

        Assert.Equal(CurlCommand.Post(new Uri(new Uri(DashboardContext.PublicUrl), "api/jobs"), json), curl);
        Assert.Contains($"'{DashboardContext.PublicUrl}api/jobs'", curl, StringComparison.Ordinal);
        Assert.Contains("-H \"Authorization: Bearer $KEY\"", curl, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSession.MemberKey, curl, StringComparison.Ordinal);
    }

    [Fact]
    public void Copy_as_curl_hands_the_command_to_the_clipboard_module()
    {
        var module = context.JSInterop.SetupModule("./clipboard.js");
        var copy = module.Setup<bool>("copyText", _ => true);
        copy.SetResult(true);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-curl]")), Patience);

        page.Find("[data-action=copy-curl]").Click();

        page.WaitForAssertion(() => Assert.Contains("Copied", page.Find("[data-copy-note]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal(page.Find("[data-curl]").TextContent, copy.Invocations.Single().Arguments[0]);
    }

    [Fact]
    public void Submit_posts_the_spec_and_opens_the_new_job()
    {
        var created = Guid.NewGuid();
        context.Api.Post("/api/jobs", HttpStatusCode.Created, Samples.Job(created, status: "Queued", currentEpoch: 0));
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal("valid", page.Find("[data-network-summary]").GetAttribute("data-state")), Patience);

        page.Find("form.new-job-form").Submit();

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/jobs/{created}", navigation.Uri, StringComparison.Ordinal), Patience);
        Assert.Equal(1, context.Api.CountOf(HttpMethod.Post, "/api/jobs"));
    }

    [Fact]
    public void A_refused_submission_shows_its_problems_by_their_fields_and_queues_nothing()
    {
        context.Api.Post("/api/jobs", HttpStatusCode.BadRequest, NewJobSamples.Problems("""{"hyperparameters.epochs": ["must be between 1 and 1000."]}"""));
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal("valid", page.Find("[data-network-summary]").GetAttribute("data-state")), Patience);

        page.Find("form.new-job-form").Submit();

        page.WaitForAssertion(() => Assert.Equal("must be between 1 and 1000.",
            page.Find("[data-field='hyperparameters.epochs'] [data-field-error]").TextContent.Trim()), Patience);
        Assert.EndsWith("/", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    public void Dispose() => context.Dispose();

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<NewJobPage> page, string path) =>
        page.Find($"[data-field='{path}'] input");

    [Fact]
    public void A_prerendered_form_takes_no_input_until_the_page_is_live()
    {
        using var prerender = new DashboardContext(interactive: false);
        prerender.Api.Json("/api/models", NewJobSamples.Models);
        prerender.Api.Json("/api/datasets", NewJobSamples.Datasets);

        var prerendered = prerender.Render<NewJobPage>(p => p.Add(c => c.CheckDelay, TimeSpan.FromMilliseconds(50)));
        var live = RenderPage();

        prerendered.WaitForAssertion(() => Assert.True(prerendered.Find(".new-job-form [data-form-body]").HasAttribute("disabled")), Patience);
        live.WaitForAssertion(() => Assert.False(live.Find(".new-job-form [data-form-body]").HasAttribute("disabled")), Patience);
        Assert.NotNull(live.Find("[data-form-body] [data-field='name'] input"));
    }

    private IRenderedComponent<NewJobPage> RenderPage(Guid? from = null)
    {
        if (from is { } id)
        {
            context.Services.GetRequiredService<NavigationManager>().NavigateTo($"jobs/new?from={id}");
        }

        return context.Render<NewJobPage>(p => p.Add(c => c.CheckDelay, TimeSpan.FromMilliseconds(50)));
    }
}
