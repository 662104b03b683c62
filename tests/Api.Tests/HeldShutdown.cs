using Microsoft.Extensions.Hosting;

namespace TrainingService.Api.Tests;

/// <summary>
/// A hosted service whose stop waits until the test lets it go, so the stopping host stays up (and its server
/// undisposed) while the test sends requests into the window between "stopping" and "stopped".
/// </summary>
public sealed class HeldShutdown : IHostedService
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _released.TrySetResult();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => _released.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
}
