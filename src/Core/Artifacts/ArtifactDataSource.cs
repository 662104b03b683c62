using Npgsql;

namespace TrainingService.Core.Artifacts;

/// <summary>The artifact store's own connection pool, apart from EF Core's, disposed with the container.</summary>
public sealed class ArtifactDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable, IDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
