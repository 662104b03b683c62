using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TrainingService.Core.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a running host.</summary>
internal sealed class TrainingDbContextFactory : IDesignTimeDbContextFactory<TrainingDbContext>
{
    public TrainingDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__TrainingDb")
            ?? "Host=127.0.0.1;Database=training;Username=postgres";
        var options = new DbContextOptionsBuilder<TrainingDbContext>().UseNpgsql(connectionString).Options;
        return new TrainingDbContext(options);
    }
}
