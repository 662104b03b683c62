using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TrainingService.SubmitLoad;

/// <summary>
/// The real Api, served by Kestrel on a loopback port of this process, on the load's own database. Its per-key limits
/// are raised by configuration (not by changing their defaults), since one key sends every submission; retention is off
/// so nothing else runs.
/// </summary>
internal sealed class LoadApi : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly string _datasetRoot;
    private readonly int _submissions;
    private readonly string _checkpointRoot = Directory.CreateTempSubdirectory("submit-load-").FullName;

    public LoadApi(string connectionString, string datasetRoot, int submissions)
    {
        _connectionString = connectionString;
        _datasetRoot = datasetRoot;
        _submissions = submissions;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:TrainingDb", _connectionString);
        builder.UseSetting("StorageOptions:CheckpointRoot", _checkpointRoot);
        builder.UseSetting("StorageOptions:DatasetRoot", _datasetRoot);
        builder.UseSetting("Retention:Enabled", "false");
        builder.UseSetting("ApiKeyLimits:SubmissionsPerMinute", $"{_submissions + 1}");
        builder.UseSetting("ApiKeyLimits:MaxActiveJobs", $"{_submissions + 1}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_checkpointRoot, recursive: true);
    }
}
