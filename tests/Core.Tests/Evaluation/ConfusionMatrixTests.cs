using TrainingService.Core.Training.Evaluation;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Evaluation;

public sealed class ConfusionMatrixTests
{
    // 10 samples of 3 classes:   labels 0 0 0 0 1 1 1 2 2 2
    //                       predictions 0 0 1 2 1 1 0 2 2 1
    internal static readonly long[] Labels = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2];
    internal static readonly long[] Predictions = [0, 0, 1, 2, 1, 1, 0, 2, 2, 1];

    // Row = true class, column = prediction: class 0 -> 2 right, 1 as 1, 1 as 2; class 1 -> 1 as 0, 2 right;
    // class 2 -> 1 as 1, 2 right.
    internal static readonly long[][] Expected = [[2, 1, 1], [1, 2, 0], [0, 1, 2]];

    [Fact]
    public void Pairs_counted_over_several_batches_give_the_hand_counted_matrix()
    {
        using var matrix = new ConfusionMatrix(3, CPU);

        matrix.AddPredictions(tensor(Predictions[..4]), tensor(Labels[..4]));
        matrix.AddPredictions(tensor(Predictions[4..]), tensor(Labels[4..]));

        Assert.Equal(Expected, matrix.Read());
    }

    [Fact]
    public void Logits_count_as_their_arg_max()
    {
        using var matrix = new ConfusionMatrix(3, CPU);
        using var logits = nn.functional.one_hot(tensor(Predictions), 3).to(float32) * 5 - 1;

        matrix.Add(logits, tensor(Labels));

        Assert.Equal(Expected, matrix.Read());
    }

    [Fact]
    public void The_counts_survive_the_dispose_scope_of_the_batch_that_created_the_matrix()
    {
        ConfusionMatrix matrix;
        using (NewDisposeScope())
        {
            matrix = new ConfusionMatrix(2, CPU);
            matrix.AddPredictions(tensor(new long[] { 1 }), tensor(new long[] { 0 }));
        }

        using (matrix)
        {
            Assert.Equal([[0L, 1L], [0L, 0L]], matrix.Read());
        }
    }
}
