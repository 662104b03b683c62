using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

public class StateTensorTests
{
    [Theory]
    [InlineData(StateTensorType.Float32, 4)]
    [InlineData(StateTensorType.Float64, 8)]
    [InlineData(StateTensorType.Float16, 2)]
    [InlineData(StateTensorType.BFloat16, 2)]
    [InlineData(StateTensorType.Int64, 8)]
    [InlineData(StateTensorType.Int32, 4)]
    [InlineData(StateTensorType.UInt8, 1)]
    [InlineData(StateTensorType.Bool, 1)]
    public void Each_element_type_has_its_torch_element_size(StateTensorType type, int bytes)
    {
        Assert.Equal(bytes, type.ElementSize());
    }

    [Fact]
    public void Data_whose_length_does_not_match_shape_and_type_is_refused_naming_the_key()
    {
        var error = Assert.Throws<ArgumentException>(() => new StateTensor("fc.weight", StateTensorType.Float32, [2, 3], new byte[20]));

        Assert.Contains("'fc.weight'", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs 24 bytes but has 20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_dim_tensor_holds_exactly_one_element()
    {
        var scalar = new StateTensor("bn.num_batches_tracked", StateTensorType.Int64, [], new byte[8]);

        Assert.Equal(1, scalar.ElementCount);
    }

    [Fact]
    public void A_negative_dimension_or_an_empty_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new StateTensor("w", StateTensorType.UInt8, [-1], []));
        Assert.Throws<ArgumentException>(() => new StateTensor("", StateTensorType.UInt8, [1], [0]));
    }
}
