using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>
/// Reads a file written by real <c>torch.save</c> (PyTorch 2.11, tools/pytorch/make_reader_fixture.py):
/// every tensor's value is <c>arange(numel) * 0.5 + index</c>, and num_batches_tracked is 7.
/// </summary>
public sealed class RealTorchFileTests
{
    private static readonly (string Key, long[] Shape)[] Expected =
    [
        ("0.weight", [2, 1, 3, 3]), ("0.bias", [2]), ("1.weight", [2]), ("1.bias", [2]),
        ("1.running_mean", [2]), ("1.running_var", [2]), ("1.num_batches_tracked", []),
        ("4.weight", [3, 8]), ("4.bias", [3]),
    ];

    private static IReadOnlyList<StateTensor> ReadFixture()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Checkpoints", "Fixtures", "torch-sequential-bn.pth"));
        return new PthReader().Read(file);
    }

    [Fact]
    public void A_state_dict_saved_by_pytorch_reads_back_with_its_keys_shapes_and_values()
    {
        var tensors = ReadFixture();

        Assert.Equal(Expected.Select(e => e.Key), tensors.Select(t => t.Key));
        for (var index = 0; index < tensors.Count; index++)
        {
            var tensor = tensors[index];
            Assert.Equal(Expected[index].Shape, tensor.Shape);
            if (tensor.Type == StateTensorType.Int64)
            {
                Assert.Equal(7L, BitConverter.ToInt64(tensor.Data));
                continue;
            }
            Assert.Equal(StateTensorType.Float32, tensor.Type);
            var values = Enumerable.Range(0, (int)tensor.ElementCount).Select(i => BitConverter.ToSingle(tensor.Data, i * 4));
            Assert.Equal(Enumerable.Range(0, (int)tensor.ElementCount).Select(i => i * 0.5f + index), values);
        }
    }

    [Fact]
    public void A_state_dict_saved_by_pytorch_survives_our_writer_unchanged()
    {
        var original = ReadFixture();
        using var buffer = new MemoryStream();

        new PthWriter().Write(buffer, original);
        buffer.Position = 0;

        StateTensorAssert.Equal(original, new PthReader().Read(buffer));
    }
}
