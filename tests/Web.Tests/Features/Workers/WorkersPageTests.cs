using Bunit;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.Workers;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Workers;

public sealed class WorkersPageTests : IDisposable
{
    private const string Path = "/api/workers";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid JobId = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    private readonly DashboardContext context = new();

    public WorkersPageTests() => context.Clock.Now = Now;

    [Fact]
    public void The_page_connects_the_hub_though_it_joins_no_group()
    {
        context.Api.Json(Path, "[]");

        var page = context.Render<WorkersPage>();

        page.WaitForAssertion(() => Assert.Equal(1, context.Hub.Connects));
    }

    [Fact]
    public void With_no_worker_reported_the_page_says_so()
    {
        context.Api.Json(Path, "[]");

        var page = context.Render<WorkersPage>();

        page.WaitForAssertion(() => Assert.Equal("No worker has reported yet.", page.Find("[data-no-workers]").TextContent.Trim()));
    }

    [Fact]
    public void Lists_each_worker_with_host_device_state_current_job_heartbeat_and_throughput()
    {
        context.Api.Json(Path, $"[{Worker("gpu-1", "Busy", JobId, beatSecondsAgo: 3, cuda: true)},{Worker("cpu-1", "Idle", null, beatSecondsAgo: 20)}]");

        var page = context.Render<WorkersPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-worker]").Count));
        var gpu = page.Find("[data-worker='gpu-1']");
        Assert.Equal("host-a", gpu.QuerySelector(".host")!.TextContent);
        Assert.Equal("CUDA · NVIDIA H200 · 1.0 / 140.0 GiB", gpu.QuerySelector(".device")!.TextContent);
        Assert.Equal("badge badge-busy", gpu.QuerySelector(".badge")!.ClassName);
        Assert.Equal($"jobs/{JobId}", gpu.QuerySelector(".job a")!.GetAttribute("href"));
        Assert.Equal("3 s ago", gpu.QuerySelector(".heartbeat")!.TextContent);
        Assert.Equal("5,124", gpu.QuerySelector(".throughput")!.TextContent);
        var cpu = page.Find("[data-worker='cpu-1']");
        Assert.Equal("CPU · Test CPU · 8 threads", cpu.QuerySelector(".device")!.TextContent);
        Assert.Equal("Idle", cpu.QuerySelector(".badge")!.TextContent);
        Assert.Equal("20 s ago", cpu.QuerySelector(".heartbeat")!.TextContent);
        Assert.Null(cpu.QuerySelector(".job a"));
        Assert.Equal(["cpu-1", "gpu-1"], page.FindAll("[data-worker]").Select(r => r.GetAttribute("data-worker")));
    }

    [Fact]
    public void A_worker_whose_heartbeat_passed_its_lease_shows_as_lost_whatever_it_last_reported()
    {
        context.Api.Json(Path, $"[{Worker("silent", "Busy", JobId, beatSecondsAgo: 31)}]");

        var page = context.Render<WorkersPage>();

        page.WaitForAssertion(() => Assert.Equal("badge badge-lost", page.Find("[data-worker='silent'] .badge").ClassName));
        Assert.Equal("Lost", page.Find("[data-worker='silent'] .badge").TextContent);
    }

    [Fact]
    public async Task Heartbeats_update_rows_add_new_workers_and_remove_stopped_ones_live()
    {
        context.Api.Json(Path, $"[{Worker("w-1", "Idle", null, beatSecondsAgo: 4)}]");
        var page = context.Render<WorkersPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-worker]")));

        await context.Hub.RaiseAsync(new WorkerChangedEvent("w-1", Dto("w-1", "Busy", JobId)));
        await context.Hub.RaiseAsync(new WorkerChangedEvent("w-2", Dto("w-2", "Idle", null)));
        page.WaitForAssertion(() =>
        {
            Assert.Equal("Busy", page.Find("[data-worker='w-1'] .badge").TextContent);
            Assert.Equal("just now", page.Find("[data-worker='w-1'] .heartbeat").TextContent);
            Assert.Equal($"jobs/{JobId}", page.Find("[data-worker='w-1'] .job a").GetAttribute("href"));
            Assert.Equal(2, page.FindAll("[data-worker]").Count);
        });
        await context.Hub.RaiseAsync(new WorkerChangedEvent("w-1", null));

        page.WaitForAssertion(() => Assert.Equal(["w-2"], page.FindAll("[data-worker]").Select(r => r.GetAttribute("data-worker"))));
        Assert.Equal(1, context.Api.CountOf(Path));
    }

    [Fact]
    public async Task A_hub_reconnect_refetches_the_fleet()
    {
        context.Api.Json(Path, "[]");
        var page = context.Render<WorkersPage>();
        page.WaitForAssertion(() => page.Find("[data-no-workers]"));
        context.Api.Json(Path, $"[{Worker("late", "Idle", null, beatSecondsAgo: 1)}]");

        await context.Hub.RaiseConnectedAsync();

        page.WaitForAssertion(() => Assert.Equal("1 s ago", page.Find("[data-worker='late'] .heartbeat").TextContent));
        Assert.Equal(2, context.Api.CountOf(Path));
    }

    public void Dispose() => context.Dispose();

    private static WorkerDto Dto(string name, string state, Guid? job) =>
        new(name, "host-b", "cpu", "Test CPU", null, null, 8, "1.2.3", state, job, job, null, Now.AddHours(-1), Now, Now.AddSeconds(30));

    private static string Worker(string name, string state, Guid? job, int beatSecondsAgo, bool cuda = false)
    {
        var beat = Now.AddSeconds(-beatSecondsAgo);
        var jobJson = job is { } id ? $"\"{id}\"" : "null";
        return $$"""
            {"name":"{{name}}","host":"host-a","deviceKind":"{{(cuda ? "cuda" : "cpu")}}","deviceName":"{{(cuda ? "NVIDIA H200" : "Test CPU")}}",
             "gpuMemoryTotalBytes":{{(cuda ? "150323855360" : "null")}},"gpuMemoryUsedBytes":{{(cuda ? "1073741824" : "null")}},
             "cpuThreads":8,"version":"1.2.3","state":"{{state}}","currentJobId":{{jobJson}},"lastJobId":{{jobJson}},
             "imagesPerSecond":{{(cuda ? "5123.5" : "null")}},"startedAt":"{{Now.AddHours(-1):O}}","lastHeartbeat":"{{beat:O}}","lostAfter":"{{beat.AddSeconds(30):O}}"}
            """;
    }
}
