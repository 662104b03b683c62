using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;
using Microsoft.Extensions.Options;

namespace TrainingService.Worker.Tests;

/// <summary>The worker's row in <c>workers</c>, kept by its heartbeat in the real host with a real Hangfire server.</summary>
public sealed class ReportingToTheFleetTests
{
    [Fact]
    public async Task A_worker_reports_idle_then_busy_with_its_job_while_training_and_idle_with_its_throughput_after()
    {
        await using var worker = await WorkerHost.StartAsync(startServices: true);
        await using var announcements = await WorkerAnnouncements.ListenAsync(worker.ConnectionString);
        var name = worker.Get<IOptions<WorkerOptions>>().Value.Name;
        await WaitUntilAsync(() => announcements.Received.Any(m => m.Worker?.State == WorkerState.Idle));
        var idle = await WaitForRowAsync(worker, w => w.State == WorkerState.Idle);

        var job = await worker.Get<JobLifecycle>().CreateAsync(SmallJobs.LeNetOnMnistSubset(epochs: 2), null, CancellationToken.None);
        await worker.Get<JobDispatcher>().DispatchAsync(job.Id, CancellationToken.None);
        var busy = await WaitForRowAsync(worker, w => w.State == WorkerState.Busy);
        await WaitForJobAsync(worker, job.Id, JobStatus.Succeeded);
        var after = await WaitForRowAsync(worker, w => w.State == WorkerState.Idle && w.ImagesPerSecond is not null);

        Assert.Equal(name, idle.Name);
        Assert.Equal(Environment.MachineName, idle.Host);
        Assert.Equal("cpu", idle.DeviceKind);
        Assert.Null(idle.GpuMemoryTotalBytes);
        Assert.True(idle.CpuThreads > 0);
        Assert.False(string.IsNullOrEmpty(idle.Version));
        Assert.Null(idle.CurrentJobId);
        Assert.Equal(job.Id, busy.CurrentJobId);
        Assert.Null(after.CurrentJobId);
        Assert.Equal(job.Id, after.LastJobId);
        Assert.True(after.ImagesPerSecond > 0);
        Assert.True(after.LastHeartbeat > busy.LastHeartbeat);
        Assert.Equal(idle.StartedAt, after.StartedAt);
        Assert.Equal(name, (await worker.Get<JobQueries>().AttemptsAsync(job.Id, CancellationToken.None)).Single().WorkerName);
        var states = announcements.Received.Where(m => m.Name == name).Select(m => (m.Worker!.State, m.Worker.CurrentJobId)).ToList();
        Assert.Equal([(WorkerState.Idle, null), (WorkerState.Busy, job.Id), (WorkerState.Idle, null)],
            states.Where((s, i) => i == 0 || s != states[i - 1]).Take(3));
    }

    [Fact]
    public async Task A_stopping_worker_shows_draining_with_its_job_until_the_run_is_handed_back_and_then_leaves_the_fleet()
    {
        await using var worker = await WorkerHost.StartAsync(startServices: true);
        await using var announcements = await WorkerAnnouncements.ListenAsync(worker.ConnectionString);
        var job = await worker.Get<JobLifecycle>().CreateAsync(SmallJobs.LeNetOnMnistSubset(epochs: 50), null, CancellationToken.None);
        await worker.Get<JobDispatcher>().DispatchAsync(job.Id, CancellationToken.None);
        await WaitForRowAsync(worker, w => w.State == WorkerState.Busy);

        worker.Get<IHostApplicationLifetime>().StopApplication();
        var draining = await WaitForRowAsync(worker, w => w.State == WorkerState.Draining);
        await worker.Get<IHost>().StopAsync();

        // The run hands back at its next batch boundary, which can come before the Draining row is written;
        // the row then names no job, never another one.
        Assert.True(draining.CurrentJobId is null || draining.CurrentJobId == job.Id, $"draining with job {draining.CurrentJobId}");
        Assert.Empty(await worker.Get<WorkerRegistry>().ListAsync(CancellationToken.None));
        Assert.Equal(JobStatus.Queued, (await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None))!.Status);
        await WaitUntilAsync(() => announcements.Received.Any(m => m.Worker is null));
        Assert.Null(announcements.Received.Last().Worker);
    }

    private static async Task<WorkerRecord> WaitForRowAsync(WorkerHost worker, Func<WorkerRecord, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if ((await worker.Get<WorkerRegistry>().ListAsync(CancellationToken.None)).SingleOrDefault() is { } row && condition(row)) return row;
            await Task.Delay(50);
        }
        throw new TimeoutException("The worker's row never reached the awaited state.");
    }

    private static async Task WaitForJobAsync(WorkerHost worker, Guid jobId, JobStatus status) =>
        await WaitUntilAsync(async () => (await worker.Get<JobQueries>().FindAsync(jobId, CancellationToken.None))?.Status == status);

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The awaited condition never held.");
    }

    /// <summary>Every message on the workers' NOTIFY channel from the moment it listens.</summary>
    private sealed class WorkerAnnouncements : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentQueue<WorkerChannel.Message> _received = new();
        private readonly NpgsqlConnection _connection;
        private Task _listening = Task.CompletedTask;

        private WorkerAnnouncements(NpgsqlConnection connection) => _connection = connection;

        public IReadOnlyList<WorkerChannel.Message> Received => [.. _received];

        public static async Task<WorkerAnnouncements> ListenAsync(string connectionString)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var announcements = new WorkerAnnouncements(connection);
            connection.Notification += (_, e) =>
            {
                if (WorkerChannel.Parse(e.Payload) is { } message) announcements._received.Enqueue(message);
            };
            await using (var listen = new NpgsqlCommand($"LISTEN {WorkerChannel.Name}", connection))
            {
                await listen.ExecuteNonQueryAsync();
            }
            announcements._listening = announcements.WaitAsync();
            return announcements;
        }

        private async Task WaitAsync()
        {
            try
            {
                while (true) await _connection.WaitAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Disposed.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _listening;
            await _connection.DisposeAsync();
            _stop.Dispose();
        }
    }
}
