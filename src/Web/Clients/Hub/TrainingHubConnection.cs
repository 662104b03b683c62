using Microsoft.AspNetCore.SignalR.Client;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Configuration;
using TrainingService.Web.Security;

namespace TrainingService.Web.Clients.Hub;

/// <summary>
/// The circuit's connection to the Api's training hub. Scoped, so each browser tab gets its own
/// connection, started on the first join and disposed with the circuit.
/// </summary>
public sealed partial class TrainingHubConnection : ITrainingHub, IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly Uri hubUrl;
    private readonly ILogger<TrainingHubConnection> logger;
    private readonly HubMemberships memberships = new();
    private readonly SemaphoreSlim membershipGate = new(1, 1);
    private readonly CancellationTokenSource lifetime = new();
    private readonly Lock startLock = new();
    private Task? connecting;

    public TrainingHubConnection(ApiEndpoints endpoints, ApiKeyAccessor credentials, ILogger<TrainingHubConnection> logger)
    {
        this.logger = logger;
        hubUrl = endpoints.Hub;
        connection = new HubConnectionBuilder()
            // Asked at every (re)connect, so the hub always gets the circuit's current key as a Bearer header.
            .WithUrl(hubUrl, options => options.AccessTokenProvider = () => Task.FromResult(credentials.Key))
            .WithAutomaticReconnect(new ForeverRetryPolicy())
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions))
            .Build();
        RegisterHandlers();
    }

    public bool IsConnected => connection.State == HubConnectionState.Connected;

    public Task JoinJobAsync(Guid jobId) => ChangeMembershipAsync(m => m.AddJob(jobId), "JoinJob", jobId, join: true);

    public Task LeaveJobAsync(Guid jobId) => ChangeMembershipAsync(m => m.RemoveJob(jobId), "LeaveJob", jobId, join: false);

    public Task JoinAllJobsAsync() => ChangeMembershipAsync(m => m.AddAllJobs(), "JoinAllJobs", null, join: true);

    public Task LeaveAllJobsAsync() => ChangeMembershipAsync(m => m.RemoveAllJobs(), "LeaveAllJobs", null, join: false);

    public void Connect() => EnsureStarted();

    private async Task ChangeMembershipAsync(Func<HubMemberships, bool> change, string method, Guid? jobId, bool join)
    {
        if (lifetime.IsCancellationRequested)
        {
            return;
        }

        await membershipGate.WaitAsync();
        try
        {
            // While disconnected only the bookkeeping changes; OnConnectedAsync replays it.
            if (change(memberships) && IsConnected)
            {
                await TryInvokeAsync(method, jobId);
            }
        }
        finally
        {
            membershipGate.Release();
        }

        if (join)
        {
            EnsureStarted();
        }
    }

    private async Task TryInvokeAsync(string method, Guid? jobId)
    {
        try
        {
            var invocation = jobId is { } id
                ? connection.InvokeAsync(method, id, lifetime.Token)
                : connection.InvokeAsync(method, lifetime.Token);
            await invocation;
        }
        catch (Exception ex) when (!lifetime.IsCancellationRequested)
        {
            HubLog.InvokeFailed(logger, ex, method);
        }
        catch (OperationCanceledException)
        {
            // The circuit is going away; nothing left to subscribe for.
        }
    }
}
