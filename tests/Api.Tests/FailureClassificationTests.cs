using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrainingService.Api.Problems;

namespace TrainingService.Api.Tests;

/// <summary>
/// Which failures are the database being away (503) and which are bugs (a logged, generic 500), on exceptions
/// raised for real by Npgsql and EF against a live server and a port nobody listens on.
/// </summary>
public sealed class FailureClassificationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_connection_refused_by_a_closed_port_is_the_database_being_unavailable()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Timeout=1;Pooling=false");
            await connection.OpenAsync();
        });

        Assert.True(DatabaseFailures.IsUnavailable(exception));
        Assert.Contains("refused", DatabaseFailures.Reason(exception), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EFs_retry_limit_over_a_refused_connection_is_the_database_being_unavailable()
    {
        var options = new DbContextOptionsBuilder<Core.Persistence.TrainingDbContext>()
            .UseNpgsql($"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Timeout=1;Pooling=false",
                npgsql => npgsql.EnableRetryOnFailure(1, TimeSpan.FromMilliseconds(10), null)).Options;
        await using var db = new Core.Persistence.TrainingDbContext(options);

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => db.Jobs.CountAsync());

        Assert.IsType<RetryLimitExceededException>(exception);
        Assert.True(DatabaseFailures.IsUnavailable(exception));
    }

    [Fact]
    public async Task A_statement_the_server_refuses_is_not_the_database_being_unavailable()
    {
        await using var connection = new NpgsqlConnection(api.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT * FROM no_such_table", connection);

        var exception = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteScalarAsync());

        Assert.False(DatabaseFailures.IsUnavailable(exception));
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_whose_body_carries_no_exception_text()
    {
        var handler = ActivatorUtilities.CreateInstance<UnexpectedExceptionHandler>(api.Services);
        var context = new DefaultHttpContext { RequestServices = api.Services };
        context.Response.Body = new MemoryStream();
        var exception = new InvalidOperationException("secret detail at /srv/training/Core/Thing.cs:line 42");

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));

        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        var body = Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        Assert.Contains("\"status\":500", body);
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain("Thing.cs", body);
        Assert.DoesNotContain(nameof(InvalidOperationException), body);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
