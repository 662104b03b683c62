using System.Diagnostics;
using Npgsql;

namespace TrainingService.Api.Health;

/// <summary>One round trip to PostgreSQL on a connection of its own, bounded by the Api's connect timeout.</summary>
public sealed class DatabaseProbe(string connectionString)
{
    // Unpooled: a probe must open a fresh connection to learn whether the server accepts them.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>How long <c>SELECT 1</c> took; throws what Npgsql throws when the server does not answer.</summary>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
        return stopwatch.Elapsed;
    }
}
