using Hangfire;
using Microsoft.Extensions.Options;
using TrainingService.Core;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;
using TrainingService.Core.Sweeps;
using TrainingService.Core.Retention;
using TrainingService.Core.Training;
using TrainingService.Worker.Events;
using TrainingService.Worker.Fleet;
using TrainingService.Worker.Jobs;

namespace TrainingService.Worker.Extensions;

/// <summary>Everything the Worker process registers.</summary>
public static class WorkerServiceExtensions
{
    public static void AddWorkerServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = builder.Configuration.GetConnectionString(PersistenceServiceCollectionExtensions.ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName} is not configured.");

        services.AddTrainingPersistence(connectionString);
        services.AddOptions<StorageOptions>().BindConfiguration(nameof(StorageOptions));
        services.AddOptions<ArtifactStoreOptions>().BindConfiguration(ArtifactStoreOptions.SectionName);
        services.AddArtifactStore(connectionString);
        services.AddOptions<TrainingOptions>().BindConfiguration(nameof(TrainingOptions));
        services.AddOptions<WorkerOptions>().BindConfiguration(nameof(WorkerOptions)).ValidateDataAnnotations().ValidateOnStart();
        // Resolved once: the device this process trains on decides the queues it listens on.
        services.AddSingleton(sp => WorkerDevice.Resolve(sp.GetRequiredService<IOptions<TrainingOptions>>().Value.Device,
            TorchSharp.torch.cuda.is_available() ? TorchSharp.torch.cuda.device_count() : 0));
        services.AddOptions<RunLeaseOptions>().BindConfiguration(nameof(RunLeaseOptions));
        services.AddOptions<DatabaseResilienceOptions>().BindConfiguration(DatabaseResilienceOptions.SectionName);
        services.AddHttpClient(nameof(DatasetFileStore), client => client.Timeout = TimeSpan.FromMinutes(10));
        services.AddSingleton(ModelRegistry.CreateDefault());
        services.AddSingleton(sp => DatasetRegistry.CreateDefault(new DatasetFileStore(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatasetRoot,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DatasetFileStore)))));
        services.AddSingleton<NetworkPlanner>();
        services.AddSingleton<CheckpointWriter>();
        services.AddSingleton(sp => new TrainingJobExecutor(
            sp.GetRequiredService<DatasetRegistry>(), sp.GetRequiredService<NetworkPlanner>(), sp.GetRequiredService<CheckpointWriter>(),
            sp.GetRequiredService<IOptions<TrainingOptions>>().Value, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<BatchProgressPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<BatchProgressPublisher>());
        services.AddTransient<ITrainingJobRunner, TrainingJobRunner>();
        services.AddSingleton<ActiveRuns>();
        services.AddSingleton<AshaReferee>();
        services.AddHostedService<JobControlListener>();
        services.AddSingleton<JobDispatcher>();
        services.AddHostedService<JobSupervisor>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName);
        services.AddRetention();
        // Before the Hangfire server: hosts stop services in reverse order, so the row shows Draining until runs are handed back.
        services.AddHostedService<WorkerHeartbeat>();
        // The host must outwait Hangfire's shutdown, which waits for runs to checkpoint and hand back.
        services.AddOptions<HostOptions>().Configure<IOptions<WorkerOptions>>((host, worker) =>
            host.ShutdownTimeout = worker.Value.ShutdownTimeout + TimeSpan.FromSeconds(10));

        services.AddHangfire(configuration => configuration.UseTrainingStorage(connectionString).UseFilter(new RunEndingStateFilter()));
        services.AddHangfireServer((sp, options) =>
        {
            var worker = sp.GetRequiredService<IOptions<WorkerOptions>>().Value;
            options.ServerName = worker.Name;
            // Hangfire.PostgreSql fetches by queue name, not by this list's order; the names sort by priority (TrainingQueues).
            options.Queues = sp.GetRequiredService<WorkerDevice>().Queues;
            // One job per device: libtorch already uses every core (or the whole GPU) for one job.
            options.WorkerCount = worker.ConcurrentJobs;
            options.ShutdownTimeout = worker.ShutdownTimeout;
        });
    }
}
