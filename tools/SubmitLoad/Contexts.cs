using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Persistence;

namespace TrainingService.SubmitLoad;

internal sealed class Contexts(string connectionString) : IDbContextFactory<TrainingDbContext>
{
    public TrainingDbContext CreateDbContext() => new(new DbContextOptionsBuilder<TrainingDbContext>().UseNpgsql(connectionString).Options);
}
