using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.JobDetails;

/// <summary>Keeping a job: its tags and note, edited through PATCH, and deleting it with confirmation.</summary>
public sealed class JobPageLabelsTests : IDisposable
{
    private static readonly Guid Id = Samples.JobId;
    private readonly DashboardContext context = new();

    private string Patch => $"/api/jobs/{Id}";

    [Fact]
    public void A_tag_typed_and_added_is_sent_with_the_others_and_shown_as_the_api_answers()
    {
        Serve(Finished(tags: """["baseline"]"""));
        context.Api.Answer(HttpMethod.Patch, Patch, HttpStatusCode.OK, Finished(tags: """["baseline", "lr-0.1"]"""));
        var page = RenderPage();
        Assert.Equal(["baseline"], Chips(page));

        page.Find("[data-new-tag]").Change(" lr-0.1 ");
        page.Find("[data-action=add-tag]").Click();

        page.WaitForAssertion(() => Assert.Equal(["baseline", "lr-0.1"], Chips(page)));
        Assert.Equal("""{"tags":["baseline","lr-0.1"]}""", Assert.Single(context.Api.Bodies));
        Assert.Equal("", page.Find("[data-new-tag]").GetAttribute("value") ?? "");
    }

    [Fact]
    public void Removing_a_chip_sends_the_tags_without_it()
    {
        Serve(Finished(tags: """["baseline", "lr-0.1"]"""));
        context.Api.Answer(HttpMethod.Patch, Patch, HttpStatusCode.OK, Finished(tags: """["lr-0.1"]"""));
        var page = RenderPage();

        page.Find("[data-remove-tag=baseline]").Click();

        page.WaitForAssertion(() => Assert.Equal(["lr-0.1"], Chips(page)));
        Assert.Equal("""{"tags":["lr-0.1"]}""", Assert.Single(context.Api.Bodies));
    }

    [Fact]
    public void A_refused_tag_is_explained_next_to_the_tags_and_kept_in_the_box()
    {
        Serve(Finished());
        context.Api.Answer(HttpMethod.Patch, Patch, HttpStatusCode.BadRequest,
            Samples.ValidationProblem(("tags[0]", "must be at most 40 characters; it has 52.")));
        var page = RenderPage();

        page.Find("[data-new-tag]").Change(new string('x', 52));
        page.Find("[data-action=add-tag]").Click();

        page.WaitForAssertion(() =>
            Assert.Equal("must be at most 40 characters; it has 52.", page.Find("[data-field=tags] [data-field-error=tags]").TextContent));
        Assert.Empty(page.FindAll("[data-field-error=note]"));
        Assert.Equal(new string('x', 52), page.Find("[data-new-tag]").GetAttribute("value"));
        Assert.Empty(Chips(page));
    }

    [Fact]
    public void A_note_is_saved_through_patch_alone_and_shown()
    {
        Serve(Finished());
        context.Api.Answer(HttpMethod.Patch, Patch, HttpStatusCode.OK, Finished(note: "\"best so far\""));
        var page = RenderPage();

        page.Find("[data-action=edit-note]").Click();
        page.Find("[data-note-input]").Input("best so far");
        page.Find("[data-action=save-note]").Click();

        page.WaitForAssertion(() => Assert.Equal("best so far", page.Find("[data-note]").TextContent));
        Assert.Equal("""{"note":"best so far"}""", Assert.Single(context.Api.Bodies));
        Assert.Empty(page.FindAll("[data-note-input]"));
    }

    [Fact]
    public void Cancelling_a_note_edit_keeps_the_note_and_sends_nothing()
    {
        Serve(Finished(note: "\"first try\""));
        var page = RenderPage();

        page.Find("[data-action=edit-note]").Click();
        page.Find("[data-note-input]").Input("something else");
        page.Find("[data-action=cancel-note]").Click();

        Assert.Equal("first try", page.Find("[data-note]").TextContent);
        Assert.Empty(context.Api.Bodies);
    }

    [Fact]
    public void A_refused_note_is_explained_next_to_the_note_and_the_draft_stays()
    {
        Serve(Finished());
        context.Api.Answer(HttpMethod.Patch, Patch, HttpStatusCode.BadRequest,
            Samples.ValidationProblem(("note", "must be at most 4000 characters.")));
        var page = RenderPage();

        page.Find("[data-action=edit-note]").Click();
        page.Find("[data-note-input]").Input("too long");
        page.Find("[data-action=save-note]").Click();

        page.WaitForAssertion(() => Assert.Equal("must be at most 4000 characters.", page.Find("[data-field=note] [data-field-error=note]").TextContent));
        Assert.Equal("too long", page.Find("[data-note-input]").GetAttribute("value"));
    }

    [Fact]
    public void Delete_asks_first_naming_the_job_and_its_checkpoints_and_then_returns_to_the_list_with_a_message()
    {
        Serve(Finished(checkpointBytes: 1_260_000), Samples.TrainingCheckpoints(Id));
        context.Api.Answer(HttpMethod.Delete, Patch, HttpStatusCode.NoContent, "");
        var page = RenderPage();

        page.Find("[data-action=delete]").Click();

        Assert.Equal("Delete “lenet-mnist”?", page.Find("[data-delete-dialog] h2").TextContent);
        Assert.Equal(
            "This removes the job with its metrics, steps, attempts and evaluation, and its 3 checkpoints (best, last, training; 1.2 MiB).",
            page.Find("[data-delete-what]").TextContent);
        Assert.Equal(0, context.Api.CountOf(HttpMethod.Delete, Patch));

        page.Find("[data-action=confirm-delete]").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/jobs", Navigation.Uri, StringComparison.Ordinal));
        Assert.Equal(1, context.Api.CountOf(HttpMethod.Delete, Patch));
        Assert.Equal("Deleted job “lenet-mnist” and its checkpoints (1.2 MiB).", context.Notices.Take());
    }

    [Fact]
    public void A_refused_delete_shows_the_api_reason_in_the_dialog_and_stays_on_the_page()
    {
        Serve(Finished());
        context.Api.Answer(HttpMethod.Delete, Patch, HttpStatusCode.Conflict,
            Samples.Problem(409, "Job is not finished", "The job is Running again; cancel it first."));
        var page = RenderPage();

        page.Find("[data-action=delete]").Click();
        page.Find("[data-action=confirm-delete]").Click();

        page.WaitForAssertion(() => Assert.Equal("The job is Running again; cancel it first.", page.Find("[data-delete-refusal]").TextContent));
        Assert.NotNull(page.Find("[data-delete-dialog]"));
        Assert.DoesNotContain("/jobs", Navigation.Uri.Replace($"/jobs/{Id}", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null(context.Notices.Take());
    }

    public void Dispose() => context.Dispose();

    private NavigationManager Navigation => context.Services.GetRequiredService<NavigationManager>();

    private static string Finished(string tags = "[]", string note = "null", long checkpointBytes = 250_000) =>
        Samples.Job(Id, status: "Succeeded", currentEpoch: 5, tags: tags, note: note, checkpointBytes: checkpointBytes);

    private IRenderedComponent<JobPage> RenderPage()
    {
        var page = context.Render<JobPage>(p => p.Add(c => c.Id, Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-labels]")));
        return page;
    }

    private void Serve(string job, string? checkpoints = null)
    {
        context.Api.Json($"/api/jobs/{Id}", job);
        context.Api.Json($"/api/jobs/{Id}/metrics", Samples.Metrics(1, 2));
        context.Api.Json($"/api/jobs/{Id}/checkpoints", checkpoints ?? Samples.Checkpoints(Id));
    }

    private static IReadOnlyList<string> Chips(IRenderedComponent<JobPage> page) =>
        [.. page.FindAll("[data-labels] .chip").Select(c => c.GetAttribute("data-tag")!)];
}
