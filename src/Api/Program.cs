using TrainingService.Api.Apis.Accounts;
using TrainingService.Api.Apis.Datasets;
using TrainingService.Api.Apis.Jobs;
using TrainingService.Api.Apis.Models;
using TrainingService.Api.Apis.Sweeps;
using TrainingService.Api.Apis.Storage;
using TrainingService.Api.Apis.Workers;
using TrainingService.Api.Extensions;
using TrainingService.Api.Health;
using TrainingService.Api.Hubs;
using TrainingService.Api.Problems;
using TrainingService.Core.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
await app.Services.MigrateTrainingDatabaseAsync();

app.UseApplicationPipeline();
app.MapAccountsApi().WithMetadata(new RequiresDatabaseMetadata());
app.MapJobsApi().WithMetadata(new RequiresDatabaseMetadata());
app.MapSweepsApi().WithMetadata(new RequiresDatabaseMetadata());
app.MapModelsApi();
app.MapDatasetsApi().WithMetadata(new RequiresDatabaseMetadata());
app.MapWorkersApi().WithMetadata(new RequiresDatabaseMetadata());
app.MapStorageApi().WithMetadata(new RequiresDatabaseMetadata());
app.MapHub<TrainingHub>(TrainingHub.Path, TrainingHub.Configure);
app.MapTrainingHangfireDashboard();
app.MapTrainingHealthChecks();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
