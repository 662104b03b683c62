using Microsoft.AspNetCore.SignalR.Client;

namespace TrainingService.Web.Clients.Hub;

public sealed partial class TrainingHubConnection
{
    public async ValueTask DisposeAsync()
    {
        if (lifetime.IsCancellationRequested)
        {
            return;
        }

        await lifetime.CancelAsync();
        if (connecting is not null)
        {
            await connecting;
        }

        // The token source stays undisposed: a late Closed or Leave callback may still read it.
        await connection.DisposeAsync();
    }

    private void EnsureStarted()
    {
        lock (startLock)
        {
            if (lifetime.IsCancellationRequested
                || connecting is { IsCompleted: false }
                || connection.State != HubConnectionState.Disconnected)
            {
                return;
            }

            connecting = Task.Run(ConnectLoopAsync);
        }
    }

    // Automatic reconnect only covers a connection that once succeeded; the first start is retried here.
    private async Task ConnectLoopAsync()
    {
        for (var attempt = 1; !lifetime.IsCancellationRequested; attempt++)
        {
            try
            {
                await connection.StartAsync(lifetime.Token);
                HubLog.Connected(logger, hubUrl);
                await OnConnectedAsync();
                return;
            }
            catch (HttpRequestException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Unauthorized && !lifetime.IsCancellationRequested)
            {
                // A revoked key stays revoked: retrying would only knock on the Api's door every 30 s. The page's own
                // REST calls get the same 401 and offer to sign in again.
                HubLog.KeyRejected(logger, hubUrl);
                return;
            }
            catch (Exception ex) when (!lifetime.IsCancellationRequested)
            {
                var delay = ForeverRetryPolicy.DelayFor(attempt);
                // The message is enough: a stack trace every few seconds while the Api is down buries everything else.
                HubLog.ConnectFailed(logger, hubUrl, ex.Message, attempt, delay);
                await Task.Delay(delay, lifetime.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception) when (lifetime.IsCancellationRequested)
            {
                // Disposed mid-start: whatever the start threw (cancelled, or a refusal that arrived late) no longer matters.
                return;
            }
        }
    }

    private async Task OnConnectedAsync()
    {
        await membershipGate.WaitAsync();
        try
        {
            if (memberships.AllJobs)
            {
                await TryInvokeAsync("JoinAllJobs", null);
            }

            foreach (var jobId in memberships.Jobs.ToArray())
            {
                await TryInvokeAsync("JoinJob", jobId);
            }
        }
        finally
        {
            membershipGate.Release();
        }

        await RaiseAsync(Connected, nameof(Connected));
    }
}
