using TrainingService.Core.Persistence;
using TrainingService.Worker.Extensions;

var builder = Host.CreateApplicationBuilder(args);
builder.AddWorkerServices();

var host = builder.Build();
host.Services.ConfigureLibTorch();
await host.Services.MigrateTrainingDatabaseAsync();

host.Run();
