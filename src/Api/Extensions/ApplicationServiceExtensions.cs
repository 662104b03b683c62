using Microsoft.Extensions.Options;
using Hangfire;
using TrainingService.Api.Apis.Models;
using TrainingService.Api.Apis.Sweeps;
using TrainingService.Api.Events;
using TrainingService.Api.Hubs;
using TrainingService.Api.Identity;
using TrainingService.Api.Limits;
using TrainingService.Api.OpenApi;
using TrainingService.Core;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.ImageFolders;
using TrainingService.Core.Images;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Onnx;
using TrainingService.Core.Persistence;
using TrainingService.Core.Prediction;
using TrainingService.Core.Library;
using TrainingService.Core.Queueing;
using TrainingService.Core.Retention;

namespace TrainingService.Api.Extensions;

/// <summary>Everything the Api process registers, in one place.</summary>
public static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = builder.Configuration.GetConnectionString(PersistenceServiceCollectionExtensions.ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName} is not configured.");

        services.AddProblemDetails();
        services.AddFailureHandling(connectionString);
        services.AddApiKeyAuthentication();
        services.AddCrossOriginRules();
        services.AddSecretSafeLogging();
        services.AddApiKeyLimits();
        services.ConfigureHttpJsonOptions(options => JobSpecJson.Configure(options.SerializerOptions));
        services.AddTrainingPersistence(connectionString);
        services.AddSingleton<JobOwners>();
        services.AddSingleton<DatasetOwners>();
        services.AddOptions<StorageOptions>().BindConfiguration(nameof(StorageOptions));
        services.AddOptions<ArtifactStoreOptions>().BindConfiguration(ArtifactStoreOptions.SectionName);
        services.AddArtifactStore(connectionString);
        services.AddOptions<JobSpecLimits>().BindConfiguration(nameof(JobSpecLimits));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<JobSpecLimits>>().Value);
        services.AddSingleton(ModelRegistry.CreateDefault());
        services.AddOptions<ImageFolderLimits>().BindConfiguration(nameof(ImageFolderLimits));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ImageFolderLimits>>().Value);
        services.AddSingleton(sp => new ImageFolderCatalog(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatasetRoot));
        services.AddSingleton<ImageFolderImporter>();
        services.AddOptions<ImageLimits>().BindConfiguration(ImageLimits.SectionName).Validate(limits => { limits.Validate(); return true; }).ValidateOnStart();
        services.AddSingleton(sp => DatasetRegistry.CreateDefault(new DatasetFileStore(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatasetRoot, http: null),
            sp.GetRequiredService<ImageFolderCatalog>()));
        services.AddSingleton<NetworkPlanner>();
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton<Predictor>();
        services.AddSingleton<JobOnnxExport>();
        services.AddOptions<PredictionCacheOptions>().BindConfiguration(PredictionCacheOptions.SectionName)
            .Validate(options => { options.Validate(); return true; }).ValidateOnStart();
        services.AddSingleton(sp => new PredictionCache(
            sp.GetRequiredService<IOptions<PredictionCacheOptions>>().Value));
        services.AddSingleton<JobSpecValidator>();
        services.AddSingleton<JobLabelStore>();
        services.AddSingleton<JobDeletion>();
        services.AddSingleton<StorageUsage>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName);
        services.AddRetention();

        services.AddHangfire(configuration => configuration.UseTrainingStorage(connectionString));
        services.AddOptions<RunLeaseOptions>().BindConfiguration(nameof(RunLeaseOptions));
        services.AddSingleton<JobDispatcher>();
        services.AddSingleton<DispatchRequests>();
        services.AddHostedService<PendingJobDispatch>();
        services.AddHostedService<JobSupervisor>();
        services.AddSweeps();
        services.AddSignalR().AddJsonProtocol(options => JobSpecJson.Configure(options.PayloadSerializerOptions));
        services.AddSingleton<HubSubscriptions>();
        services.AddHostedService<PostgresEventRelay>();
        services.AddTrainingOpenApi();
    }
}
