using TrainingService.Core.Training;

namespace TrainingService.Core.Tests.Training;

public sealed class BestCheckpointSelectionTests
{
    [Fact]
    public void The_best_epoch_is_the_one_with_the_highest_score_and_ties_keep_the_earlier_epoch()
    {
        var selection = new BestCheckpointSelection();

        var improved = new[] { (1, 0.90), (2, 0.95), (3, 0.95), (4, 0.93) }.Select(e => selection.Offer(e.Item1, e.Item2)).ToList();

        Assert.Equal([true, true, false, false], improved);
        Assert.Equal(2, selection.BestEpoch);
    }
}
