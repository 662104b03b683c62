using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Persistence;

namespace TrainingService.JobListBenchmark.Seeding;

/// <summary>Contexts on a database of the seeders' own, outside any host.</summary>
internal sealed class SeedingContexts(string connectionString) : IDbContextFactory<TrainingDbContext>
{
    public TrainingDbContext CreateDbContext() => new(new DbContextOptionsBuilder<TrainingDbContext>().UseNpgsql(connectionString).Options);
}
