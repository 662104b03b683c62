using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TrainingService.JobListBenchmark;

/// <summary>The real Api, served by Kestrel on a loopback port of this process, on the benchmark's database; retention off so nothing else runs.</summary>
internal sealed class ListApi : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly string _checkpointRoot = Directory.CreateTempSubdirectory("job-list-benchmark-").FullName;

    private readonly bool _logSql;

    public ListApi(string connectionString, bool logSql)
    {
        _connectionString = connectionString;
        _logSql = logSql;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:TrainingDb", _connectionString);
        builder.UseSetting("StorageOptions:CheckpointRoot", _checkpointRoot);
        builder.UseSetting("Retention:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (_logSql) builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_checkpointRoot, recursive: true);
    }
}
