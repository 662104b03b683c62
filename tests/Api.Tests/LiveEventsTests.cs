using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Core.Events;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Tests;

public sealed class LiveEventsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_event_committed_in_the_database_reaches_hub_clients_of_that_job_only()
    {
        var jobId = Guid.NewGuid();
        var received = Channel.CreateUnbounded<JsonElement>();
        var otherJob = Channel.CreateUnbounded<JsonElement>();
        await using var client = await ConnectAsync(received, hub => hub.InvokeAsync("JoinJob", jobId));
        await using var bystander = await ConnectAsync(otherJob, hub => hub.InvokeAsync("JoinJob", Guid.NewGuid()));

        await NotifyUntilReceivedAsync(new EpochCompletedEvent(jobId, 3, 0.5, 0.8, 0.4, 0.85, 0.05, 12.5, 4000, DateTimeOffset.UtcNow), received.Reader);

        var epoch = await received.Reader.ReadAsync();
        Assert.Equal(jobId, epoch.GetProperty("jobId").GetGuid());
        Assert.Equal(3, epoch.GetProperty("epoch").GetInt32());
        Assert.Equal(0.85, epoch.GetProperty("validationAccuracy").GetDouble());
        Assert.False(otherJob.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_client_following_a_job_and_all_jobs_receives_each_event_once()
    {
        var jobId = Guid.NewGuid();
        var received = Channel.CreateUnbounded<JsonElement>();
        await using var client = await ConnectAsync(received, async hub =>
        {
            await hub.InvokeAsync("JoinJob", jobId);
            await hub.InvokeAsync("JoinAllJobs");
        });

        await NotifyUntilReceivedAsync(new EpochCompletedEvent(jobId, 5, 1, 1, null, null, 1, 1, 1, DateTimeOffset.UtcNow), received.Reader);
        await Task.Delay(500);

        Assert.Equal(5, (await received.Reader.ReadAsync()).GetProperty("epoch").GetInt32());
        Assert.False(received.Reader.TryRead(out _));
    }

    [Fact]
    public async Task An_event_rolled_back_with_its_transaction_is_never_delivered()
    {
        var jobId = Guid.NewGuid();
        var received = Channel.CreateUnbounded<JsonElement>();
        await using var client = await ConnectAsync(received, hub => hub.InvokeAsync("JoinJob", jobId));
        await using (var db = await CreateDbContextAsync())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.NotifyAsync(new EpochCompletedEvent(jobId, 99, 1, 1, null, null, 1, 1, 1, DateTimeOffset.UtcNow), CancellationToken.None);
            await transaction.RollbackAsync();
        }

        await NotifyUntilReceivedAsync(new EpochCompletedEvent(jobId, 1, 1, 1, null, null, 1, 1, 1, DateTimeOffset.UtcNow), received.Reader);

        Assert.Equal(1, (await received.Reader.ReadAsync()).GetProperty("epoch").GetInt32());
        Assert.False(received.Reader.TryRead(out _));
    }

    private async Task<HubConnection> ConnectAsync(Channel<JsonElement> sink, Func<HubConnection, Task> join)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.Server.BaseAddress, "/hubs/training"), options =>
            {
                options.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(api.AdminKey);
            })
            .Build();
        connection.On<JsonElement>("EpochCompleted", e => sink.Writer.TryWrite(e));
        await connection.StartAsync();
        await join(connection);
        return connection;
    }

    /// <summary>The relay starts listening asynchronously with the host, so the first NOTIFY may precede it.</summary>
    private async Task NotifyUntilReceivedAsync(TrainingEvent trainingEvent, ChannelReader<JsonElement> reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            await using (var db = await CreateDbContextAsync())
            {
                await db.NotifyAsync(trainingEvent, CancellationToken.None);
            }
            var wait = Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
            if (await Task.WhenAny(reader.WaitToReadAsync(timeout.Token).AsTask(), wait) != wait) return;
        }
    }

    private async Task<TrainingDbContext> CreateDbContextAsync()
    {
        _ = api.Server;
        return await api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
    }
}
