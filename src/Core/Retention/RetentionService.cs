using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrainingService.Core.Retention;

/// <summary>
/// Hosts the retention sweep in every process of the fleet (the Api and each worker). Each tick cleans this machine's
/// own copies and runs the sweep when it is due; the sweep's advisory lock and its record of the last run make it run
/// once per interval in the whole fleet, in whichever process comes first.
/// </summary>
public sealed class RetentionService(RetentionSweep sweep, IOptions<RetentionOptions> options, ILogger<RetentionService> logger) : BackgroundService
{
    /// <summary>How often a process checks whether a run is due; a shorter interval is checked at its own pace.</summary>
    private static readonly TimeSpan LongestCheck = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var policy = options.Value;
        using var timer = new PeriodicTimer(policy.Interval < LongestCheck ? policy.Interval : LongestCheck);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                if (await sweep.RunIfDueAsync(policy, stoppingToken) is null)
                {
                    await sweep.CleanLocalCopiesAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The retention sweep failed; trying again at the next check");
            }
        }
    }
}
