using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TrainingService.PredictBenchmark;

/// <summary>
/// The real Api on a loopback port of this process, on the benchmark's database and checkpoint folder, with the
/// prediction cache limited to <c>cacheBytes</c> (0: off); retention off and logging quiet so nothing else runs.
/// </summary>
internal sealed class PredictApi : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly string _checkpointRoot;
    private readonly string _datasetRoot;
    private readonly long _cacheBytes;

    public PredictApi(string connectionString, string checkpointRoot, string datasetRoot, long cacheBytes)
    {
        (_connectionString, _checkpointRoot, _datasetRoot, _cacheBytes) = (connectionString, checkpointRoot, datasetRoot, cacheBytes);
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:TrainingDb", _connectionString);
        builder.UseSetting("StorageOptions:CheckpointRoot", _checkpointRoot);
        builder.UseSetting("StorageOptions:DatasetRoot", _datasetRoot);
        builder.UseSetting("PredictionCache:SizeLimitBytes", _cacheBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Retention:Enabled", "false");
        builder.UseSetting("ApiKeyLimits:SubmissionsPerMinute", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
