using Microsoft.Extensions.Options;
using TrainingService.Api.Health;

namespace TrainingService.Api.Problems;

/// <summary>
/// Whether requests may try the database. After a request finds PostgreSQL unreachable, the gate closes:
/// requests that need the database are answered 503 at once, so a flood of them during an outage costs
/// nothing, while one background loop probes the server and opens the gate when it answers again.
/// </summary>
public sealed class DatabaseAvailability(DatabaseProbe probe, IOptions<DatabaseAvailabilityOptions> options,
    IHostApplicationLifetime lifetime, ILogger<DatabaseAvailability> logger)
{
    private readonly Lock _lock = new();
    private Task? _probing;

    public bool IsAvailable
    {
        get { lock (_lock) return _probing is null; }
    }

    /// <summary>Closes the gate, once, and starts probing until the database answers.</summary>
    public void ReportUnavailable(string? reason)
    {
        lock (_lock)
        {
            if (_probing is not null) return;
            logger.LogWarning("PostgreSQL is unreachable ({Reason}); requests that need it are answered 503 until it answers again", reason);
            _probing = Task.Run(ProbeUntilAvailableAsync);
        }
    }

    /// <summary>A probe elsewhere (the readiness check) found the database answering.</summary>
    public void ReportAvailable()
    {
        lock (_lock) _probing = null;
    }

    private async Task ProbeUntilAvailableAsync()
    {
        var stopping = lifetime.ApplicationStopping;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ProbeInterval, stopping);
                await probe.PingAsync(stopping);
                logger.LogInformation("PostgreSQL answers again");
                ReportAvailable();
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DatabaseFailures.IsUnavailable(exception))
            {
                logger.LogDebug("PostgreSQL still unreachable: {Reason}", DatabaseFailures.Reason(exception));
            }
            catch (Exception exception)
            {
                // Not an outage (a refused login, say): requests find out for themselves and fail visibly.
                logger.LogWarning(exception, "Probing PostgreSQL failed; opening the gate");
                ReportAvailable();
                return;
            }
        }
    }
}
