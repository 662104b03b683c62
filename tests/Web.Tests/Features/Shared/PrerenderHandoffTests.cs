using Bunit;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Features.Jobs;
using TrainingService.Web.Features.Shared;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Shared;

/// <summary>
/// A page's prerender and its circuit as Blazor runs them: two scopes of one process, the prerender's persisted state
/// carried to the circuit by the page.
/// </summary>
public sealed class PrerenderHandoffTests : IDisposable
{
    private const string FirstPage = "/api/jobs?page=1&pageSize=20&sort=active&order=asc";
    private static readonly Guid Queued = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Done = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Id = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private readonly PrerenderSnapshots snapshots = new();
    private readonly DashboardContext prerender;
    private readonly DashboardContext circuit;

    public PrerenderHandoffTests()
    {
        prerender = new DashboardContext(interactive: false, snapshots);
        circuit = new DashboardContext(interactive: true, snapshots);
    }

    [Fact]
    public async Task The_live_jobs_list_starts_with_the_prerendered_rows_and_reads_them_again_once_the_hub_connects()
    {
        prerender.Api.Json(FirstPage, Samples.Page(1, 2, Samples.Job(Queued, status: "Queued"), Samples.Job(Done, status: "Succeeded")));
        var prerendered = prerender.Render<JobsPage>();
        prerendered.WaitForAssertion(() => Assert.Equal(2, prerendered.FindAll("[data-job-id]").Count));
        CarryPersistedState(nameof(JobsPage));
        circuit.Api.Json(FirstPage, Samples.Page(1, 1, Samples.Job(Done, status: "Succeeded")));

        var live = circuit.Render<JobsPage>();

        Assert.Equal(2, live.FindAll("[data-job-id]").Count);
        Assert.Equal(0, circuit.Api.CountOf(FirstPage));
        await circuit.Hub.RaiseConnectedAsync();
        live.WaitForAssertion(() => Assert.Single(live.FindAll("[data-job-id]")));
        Assert.Equal(1, circuit.Api.CountOf(FirstPage));
    }

    [Fact]
    public void The_live_job_page_starts_with_the_prerendered_epochs_and_steps()
    {
        Serve(prerender.Api);
        var prerendered = prerender.Render<JobPage>(p => p.Add(c => c.Id, Id));
        prerendered.WaitForAssertion(() => Assert.NotNull(prerendered.Find("[data-epoch='2']")));
        CarryPersistedState(nameof(JobPage));

        var live = circuit.Render<JobPage>(p => p.Add(c => c.Id, Id));

        Assert.NotNull(live.Find("[data-epoch='2']"));
        live.WaitForAssertion(() => Assert.NotEmpty(live.FindAll(".step-chart .rz-line-series .rz-marker")));
        Assert.DoesNotContain(circuit.Api.Requests, path => path.StartsWith($"/api/jobs/{Id}", StringComparison.Ordinal));
        Assert.Contains(Id, circuit.Hub.JoinedJobs);
    }

    [Fact]
    public void A_snapshot_is_handed_over_once()
    {
        var token = snapshots.Keep(new object());

        Assert.NotNull(snapshots.Take<object>(token));
        Assert.Null(snapshots.Take<object>(token));
    }

    [Fact]
    public void A_circuit_whose_snapshot_is_gone_reads_the_page_itself()
    {
        prerender.Api.Json(FirstPage, Samples.Page(1, 2, Samples.Job(Queued, status: "Queued"), Samples.Job(Done, status: "Succeeded")));
        prerender.Render<JobsPage>().WaitForAssertion(() => Assert.Equal(1, prerender.Api.CountOf(FirstPage)));
        CarryPersistedState(nameof(JobsPage));
        circuit.PrerenderState.Persist(nameof(JobsPage), Guid.NewGuid().ToString("N"));
        circuit.Api.Json(FirstPage, Samples.Page(1, 1, Samples.Job(Done, status: "Succeeded")));

        var live = circuit.Render<JobsPage>();

        live.WaitForAssertion(() => Assert.Single(live.FindAll("[data-job-id]")));
        Assert.Equal(1, circuit.Api.CountOf(FirstPage));
    }

    public void Dispose()
    {
        prerender.Dispose();
        circuit.Dispose();
        snapshots.Dispose();
    }

    private static void Serve(StubApiHandler api)
    {
        api.Json($"/api/jobs/{Id}", Samples.Job(Id, currentEpoch: 2));
        api.Json($"/api/jobs/{Id}/metrics", Samples.Metrics(2));
        api.Json($"/api/jobs/{Id}/checkpoints", Samples.Checkpoints(Id));
        api.Json(Samples.StepsPath(Id), Samples.Steps(200, (0, 2.3, 2.1, 2.5), (100, 1.2, 0.9, 1.6)));
    }

    /// <summary>The prerender ends and persists its state; the browser hands that state to the circuit it starts.</summary>
    private void CarryPersistedState(string key)
    {
        prerender.PrerenderState.TriggerOnPersisting();
        Assert.True(prerender.PrerenderState.TryTake<string>(key, out var token));
        circuit.PrerenderState.Persist(key, token);
    }
}
