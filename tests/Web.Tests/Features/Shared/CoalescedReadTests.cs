using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Tests.Features.Shared;

public sealed class CoalescedReadTests
{
    [Fact]
    public async Task Asks_made_while_a_read_runs_become_one_more_read_after_it_never_a_second_read_beside_it()
    {
        var coalesced = new CoalescedRead();
        var pending = new List<TaskCompletionSource>();
        var running = 0;
        var mostAtOnce = 0;
        async Task Read(CancellationToken _)
        {
            mostAtOnce = Math.Max(mostAtOnce, ++running);
            var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            pending.Add(answer);
            await answer.Task;
            running--;
        }

        var first = coalesced.RunAsync(Read, CancellationToken.None);
        await coalesced.RunAsync(Read, CancellationToken.None);
        await coalesced.RunAsync(Read, CancellationToken.None);
        Assert.Single(pending);

        pending[0].SetResult();
        await WaitUntilAsync(() => pending.Count == 2);
        pending[1].SetResult();
        await first;

        Assert.Equal(2, pending.Count);
        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task An_ask_after_the_reads_have_ended_reads_again()
    {
        var coalesced = new CoalescedRead();
        var reads = 0;
        await coalesced.RunAsync(_ => { reads++; return Task.CompletedTask; }, CancellationToken.None);
        await coalesced.RunAsync(_ => { reads++; return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(2, reads);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
