using TrainingService.Core.Persistence;
using TrainingService.Core.Torch;
using TrainingService.Worker.Extensions;

NativeAllocator.EnsureApplied();
var builder = Host.CreateApplicationBuilder(args);
builder.AddWorkerServices();

var host = builder.Build();
host.Services.ConfigureLibTorch();
await host.Services.MigrateTrainingDatabaseAsync();

host.Run();
