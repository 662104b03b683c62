using System.Text.Json;
using TrainingService.Contracts.Jobs;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.Jobs;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Jobs;

public sealed class JobListModelTests
{
    private static readonly Guid Known = Guid.NewGuid();

    [Fact]
    public void Status_of_a_listed_job_is_updated_in_place()
    {
        var model = Loaded();

        var update = model.Apply(Status(Known, JobStatus.Running, epoch: 1));

        Assert.Equal(JobListUpdate.Applied, update);
        var job = Assert.Single(model.Page!.Items);
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.Equal(1, job.CurrentEpoch);
    }

    [Fact]
    public void A_job_the_page_does_not_show_asks_for_a_reload()
    {
        var model = Loaded();

        Assert.Equal(JobListUpdate.ReloadNeeded, model.Apply(Status(Guid.NewGuid(), JobStatus.Queued, epoch: 0)));
    }

    [Fact]
    public void A_finished_job_asks_for_a_reload_to_get_its_result()
    {
        var model = Loaded();

        Assert.Equal(JobListUpdate.ReloadNeeded, model.Apply(Status(Known, JobStatus.Succeeded, epoch: 5)));
    }

    [Fact]
    public void Completed_epochs_move_the_epoch_column_forward_only()
    {
        var model = Loaded();

        model.Apply(Samples.EpochEvent(Known, epoch: 3));
        model.Apply(Samples.EpochEvent(Known, epoch: 2));

        Assert.Equal(3, model.Page!.Items[0].CurrentEpoch);
        Assert.Equal(JobListUpdate.Ignored, model.Apply(Samples.EpochEvent(Guid.NewGuid(), epoch: 1)));
    }

    [Fact]
    public void A_stop_request_and_its_reason_reach_the_row_and_clear_once_the_job_stopped()
    {
        var model = Loaded();

        model.Apply(Status(Known, JobStatus.Running, epoch: 1) with { StopRequest = JobStopRequest.Pause, Attempt = 1 });
        Assert.Equal(JobStopRequest.Pause, model.Page!.Items[0].StopRequest);

        model.Apply(Status(Known, JobStatus.Paused, epoch: 1) with { Reason = "paused by the user", Attempt = 1 });
        var job = model.Page!.Items[0];
        Assert.Equal((JobStatus.Paused, null, "paused by the user"), (job.Status, job.StopRequest, job.StatusReason));
    }

    [Fact]
    public void A_paused_job_is_updated_in_place_because_it_has_not_finished()
    {
        var model = Loaded();

        Assert.Equal(JobListUpdate.Applied, model.Apply(Status(Known, JobStatus.Paused, epoch: 2)));
    }

    [Fact]
    public void The_answer_to_an_action_replaces_its_row()
    {
        var model = Loaded();
        var answered = model.Page!.Items[0] with { Status = JobStatus.Running, StopRequest = JobStopRequest.Cancel };

        Assert.Equal(JobListUpdate.Applied, model.Update(answered));
        Assert.Equal(answered, model.Page!.Items[0]);
        Assert.Equal(JobListUpdate.Ignored, model.Update(answered with { Id = Guid.NewGuid() }));
    }

    [Fact]
    public void With_running_jobs_first_a_change_of_status_asks_for_a_reload_to_take_its_new_place()
    {
        var model = Loaded(new JobListQuery());

        Assert.Equal(JobListUpdate.ReloadNeeded, model.Apply(Status(Known, JobStatus.Running, epoch: 0)));
    }

    [Fact]
    public void With_running_jobs_first_a_change_that_keeps_the_status_is_applied_in_place()
    {
        var model = Loaded(new JobListQuery());

        Assert.Equal(JobListUpdate.Applied, model.Apply(Status(Known, JobStatus.Queued, epoch: 0) with { Reason = "waiting for a worker" }));
    }

    [Fact]
    public void A_job_whose_new_status_the_filter_leaves_out_asks_for_a_reload()
    {
        var model = Loaded(new JobListQuery(Status: ["Queued", "Paused"], Sort: JobListSort.Name));

        Assert.Equal(JobListUpdate.Applied, model.Apply(Status(Known, JobStatus.Paused, epoch: 0)));
        Assert.Equal(JobListUpdate.ReloadNeeded, model.Apply(Status(Known, JobStatus.Running, epoch: 0)));
    }

    // Ordered by creation, so a change of status never moves a row.
    private static JobListModel Loaded() => Loaded(new JobListQuery(Sort: JobListSort.CreatedAt, Order: JobListSort.Descending));

    private static JobListModel Loaded(JobListQuery query)
    {
        var model = new JobListModel();
        var job = new JobDto(Known, "job", JobStatus.Queued, JsonElement.Parse("{}"), Samples.Start, null, null, 0, 5, 1, null, null, null);
        model.Load(new PagedResult<JobDto>([job], 1, 20, 1), query);
        return model;
    }

    private static JobStatusChangedEvent Status(Guid id, JobStatus status, int epoch) =>
        new(id, status, null, epoch, 5, null, Samples.Start);
}
