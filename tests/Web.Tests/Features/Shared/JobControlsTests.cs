using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Bunit;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Features.Shared;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Shared;

public sealed class JobControlsTests : IDisposable
{
    private static readonly Guid Id = Samples.JobId;
    private static readonly string CancelPath = $"/api/jobs/{Id}/cancel";
    private static readonly string PausePath = $"/api/jobs/{Id}/pause";
    private readonly DashboardContext context = new();
    private readonly List<JobDto> answers = [];

    [Theory]
    [InlineData(JobStatus.Queued, null, "cancel pause")]
    [InlineData(JobStatus.Running, null, "cancel pause")]
    [InlineData(JobStatus.Running, JobStopRequest.Pause, "cancel resume")]
    [InlineData(JobStatus.Running, JobStopRequest.Cancel, "")]
    [InlineData(JobStatus.Paused, null, "cancel resume")]
    [InlineData(JobStatus.Succeeded, null, "")]
    [InlineData(JobStatus.Failed, null, "")]
    [InlineData(JobStatus.Cancelled, null, "")]
    public void Only_the_actions_the_state_allows_are_enabled(JobStatus status, JobStopRequest? stopRequest, string enabled)
    {
        var controls = Render(Job(status, stopRequest));

        Assert.Equal(enabled, string.Join(" ", controls.FindAll("button:not([disabled])").Select(b => b.GetAttribute("data-action"))));
    }

    [Fact]
    public void Cancel_asks_for_confirmation_and_no_keeps_the_job_running()
    {
        var controls = Render(Job(JobStatus.Running));

        controls.Find("[data-action=cancel]").Click();

        Assert.Contains("Cancel this job?", controls.Find(".confirm").TextContent, StringComparison.Ordinal);
        controls.Find("[data-action=keep]").Click();
        Assert.Empty(controls.FindAll(".confirm"));
        Assert.Equal(0, context.Api.CountOf(HttpMethod.Post, CancelPath));
    }

    [Fact]
    public void Yes_sends_the_cancel_once_and_hands_on_the_job_the_api_answered_with()
    {
        context.Api.Post(CancelPath, HttpStatusCode.OK, Samples.Job(Id, status: "Cancelled"));
        var controls = Render(Job(JobStatus.Queued));

        controls.Find("[data-action=cancel]").Click();
        controls.Find("[data-action=confirm-cancel]").Click();

        controls.WaitForAssertion(() => Assert.Equal(JobStatus.Cancelled, Assert.Single(answers).Status));
        Assert.Equal(1, context.Api.CountOf(HttpMethod.Post, CancelPath));
        Assert.Empty(controls.FindAll(".confirm"));
    }

    [Fact]
    public void A_refused_request_shows_the_apis_explanation()
    {
        context.Api.Post(PausePath, HttpStatusCode.Conflict,
            Samples.Problem(409, "The job cannot be paused", $"Job {Id} is Succeeded; only queued, running or paused jobs can be paused."));
        var controls = Render(Job(JobStatus.Running));

        controls.Find("[data-action=pause]").Click();

        controls.WaitForAssertion(() => Assert.Equal(
            $"Job {Id} is Succeeded; only queued, running or paused jobs can be paused.",
            controls.Find(".action-error").TextContent));
        Assert.Empty(answers);
    }

    [Fact]
    public void A_refused_cancel_closes_the_question_and_shows_why()
    {
        context.Api.Post(CancelPath, HttpStatusCode.NotFound, Samples.Problem(404, "Job not found", $"No job has the id {Id}."));
        var controls = Render(Job(JobStatus.Running));

        controls.Find("[data-action=cancel]").Click();
        controls.Find("[data-action=confirm-cancel]").Click();

        controls.WaitForAssertion(() => Assert.Equal($"No job has the id {Id}.", controls.Find(".action-error").TextContent));
        Assert.Empty(controls.FindAll(".confirm"));
    }

    [Theory]
    [InlineData(JobStopRequest.Pause, "Pause requested: stopping at the next batch…")]
    [InlineData(JobStopRequest.Cancel, "Cancel requested: stopping at the next batch…")]
    public void A_pending_stop_says_the_job_stops_at_the_next_batch(JobStopRequest stopRequest, string note)
    {
        var controls = Render(Job(JobStatus.Running, stopRequest));

        Assert.Equal(note, controls.Find(".stop-pending").TextContent);
    }

    [Fact]
    public void An_open_question_closes_when_the_job_finishes_meanwhile()
    {
        var controls = Render(Job(JobStatus.Running));
        controls.Find("[data-action=cancel]").Click();

        controls.Render(p => p.Add(c => c.Job, Job(JobStatus.Succeeded)));

        Assert.Empty(controls.FindAll(".confirm"));
        Assert.True(Button(controls, "cancel").HasAttribute("disabled"));
    }

    public void Dispose() => context.Dispose();

    private IRenderedComponent<JobControls> Render(JobDto job) =>
        context.Render<JobControls>(p => p
            .Add(c => c.Job, job)
            .Add(c => c.Changed, answers.Add));

    private static IElement Button(IRenderedComponent<JobControls> controls, string action) =>
        controls.Find($"[data-action={action}]");

    private static JobDto Job(JobStatus status, JobStopRequest? stopRequest = null) =>
        new JobDto(Id, "job", status, JsonElement.Parse("{}"), Samples.Start, null, null, 0, 5, 1, null, null, null)
        {
            StopRequest = stopRequest,
        };
}
