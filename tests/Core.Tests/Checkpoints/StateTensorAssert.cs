using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>StateTensor holds arrays, which records compare by reference; these compare contents.</summary>
internal static class StateTensorAssert
{
    public static void Equal(StateTensor expected, StateTensor actual)
    {
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.Data, actual.Data);
    }

    public static void Equal(IReadOnlyList<StateTensor> expected, IReadOnlyList<StateTensor> actual)
    {
        Assert.Equal(expected.Select(tensor => tensor.Key), actual.Select(tensor => tensor.Key));
        for (var i = 0; i < expected.Count; i++)
        {
            Equal(expected[i], actual[i]);
        }
    }
}
