using TrainingService.Core.Queueing;

namespace TrainingService.Core.Tests.Queueing;

public sealed class DispatchRequestsTests
{
    [Fact]
    public async Task Asks_made_before_the_dispatcher_waits_fold_into_one_dispatch()
    {
        var requests = new DispatchRequests();
        requests.Request();
        requests.Request();
        requests.Request();

        await requests.WaitAsync(CancellationToken.None);
        var another = requests.WaitAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);

        Assert.False(another.IsCompleted);
        requests.Request();
        await another.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_dispatcher_waiting_with_no_ask_stops_when_its_process_stops()
    {
        using var stopping = new CancellationTokenSource();
        var wait = new DispatchRequests().WaitAsync(stopping.Token).AsTask();

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
