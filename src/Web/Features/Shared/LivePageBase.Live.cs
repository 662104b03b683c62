namespace TrainingService.Web.Features.Shared;

public abstract partial class LivePageBase
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    private bool watching;

    /// <summary>Starts reconnect handling and the retry loop; only meaningful on an interactive circuit.</summary>
    protected void WatchHubAndRetry()
    {
        if (watching || !RendererInfo.IsInteractive)
        {
            return;
        }

        watching = true;
        Hub.Connected += OnHubConnectedAsync;
        _ = RetryWhileUnreachableAsync();
    }

    private Task OnHubConnectedAsync() => OnUiThreadAsync(RefreshAsync);

    private async Task RetryWhileUnreachableAsync()
    {
        using var timer = new PeriodicTimer(RetryInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(closed.Token))
            {
                if (ApiError is not null && !KeyRejected)
                {
                    await OnUiThreadAsync(RefreshAsync);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Page closed.
        }
    }
}
