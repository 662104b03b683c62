namespace TrainingService.Api.Tests;

/// <summary>The Api on Kestrel, on a PostgreSQL cluster of its own that a test may stop and start.</summary>
public sealed class OwnClusterApiFactory : KestrelApiFactory
{
    private ThrowawayPostgres? _postgres;

    public ThrowawayPostgres Postgres => _postgres ?? throw new InvalidOperationException("Not initialised.");

    public override async Task InitializeAsync()
    {
        _postgres = await ThrowawayPostgres.StartAsync();
        UseDatabase(_postgres.ConnectionString);
    }

    protected override async Task DisposeDependenciesAsync()
    {
        await base.DisposeDependenciesAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
