using TrainingService.Core.Persistence;
using TrainingService.Worker.Extensions;

// First, before libtorch or the host's threads allocate: see NativeHeap.
NativeHeap.LimitArenas(2);

var builder = Host.CreateApplicationBuilder(args);
builder.AddWorkerServices();

var host = builder.Build();
host.Services.ConfigureLibTorch();
await host.Services.MigrateTrainingDatabaseAsync();

host.Run();
