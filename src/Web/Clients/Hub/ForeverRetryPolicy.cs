using Microsoft.AspNetCore.SignalR.Client;

namespace TrainingService.Web.Clients.Hub;

/// <summary>
/// Never gives up: the Api may be down for minutes (deploys, restarts) and a dashboard left open
/// should come back on its own. The default policy stops after four attempts.
/// </summary>
public sealed class ForeverRetryPolicy : IRetryPolicy
{
    private static readonly TimeSpan[] Backoff =
        [TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    public static TimeSpan DelayFor(long previousAttempts) =>
        Backoff[(int)Math.Min(previousAttempts, Backoff.Length - 1)];

    public TimeSpan? NextRetryDelay(RetryContext retryContext) => DelayFor(retryContext.PreviousRetryCount);
}
