using System.Runtime.InteropServices;
using System.Text;
using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

public class PthReaderTests
{
    [Fact]
    public void Reads_a_state_dict_pickled_the_way_torch_save_does_including_shared_and_strided_storage()
    {
        var archive = PthBytes.ZipOf(
            ("weights/data.pkl", TorchSavedPickle.Bytes),
            ("weights/byteorder", Encoding.ASCII.GetBytes("little")),
            ("weights/data/0", MemoryMarshal.AsBytes<float>([0, 1, 2, 3, 4, 5]).ToArray()),
            ("weights/data/1", BitConverter.GetBytes(7L)),
            ("weights/version", Encoding.ASCII.GetBytes("3\n")));

        var tensors = PthBytes.Read(archive);

        StateTensorAssert.Equal(
            [
                Floats("fc.weight", [2, 3], [0, 1, 2, 3, 4, 5]),
                Floats("fc.weight_t", [3, 2], [0, 3, 1, 4, 2, 5]),
                Floats("fc.bias", [3], [3, 4, 5]),
                new StateTensor("bn.num_batches_tracked", StateTensorType.Int64, [], BitConverter.GetBytes(7L)),
            ],
            tensors);
    }

    [Fact]
    public void Every_truncation_of_a_checkpoint_is_an_invalid_checkpoint()
    {
        var archive = PthBytes.Write([SampleStateDicts.Floats("w", [3]), SampleStateDicts.Floats("b", [])]);

        for (var length = 0; length < archive.Length; length++)
        {
            Assert.Throws<InvalidCheckpointException>(() => PthBytes.Read(archive[..length]));
        }
    }

    [Fact]
    public void Any_single_corrupted_byte_reads_back_unchanged_or_is_an_invalid_checkpoint()
    {
        var tensors = new[] { SampleStateDicts.Floats("w", [2, 2]), SampleStateDicts.Floats("b", [2]) };
        var archive = PthBytes.Write(tensors);

        for (var position = 0; position < archive.Length; position++)
        {
            var corrupt = archive.ToArray();
            corrupt[position] ^= 0xff;

            var failure = Record.Exception(() => StateTensorAssert.Equal(tensors, PthBytes.Read(corrupt)));

            Assert.True(failure is null or InvalidCheckpointException, $"Corrupting byte {position} gave {failure}");
        }
    }

    [Fact]
    public void A_flipped_bit_in_tensor_data_fails_the_crc_check()
    {
        var archive = PthBytes.Write([SampleStateDicts.Floats("w", [4])]);
        var data = TestZipDirectory.Parse(archive).Single(entry => entry.Name == "archive/data/0");
        archive[data.DataOffset + 5] ^= 0x01;

        var error = Assert.Throws<InvalidCheckpointException>(() => PthBytes.Read(archive));
        Assert.Contains("CRC-32", error.Message, StringComparison.Ordinal);
    }

    private static StateTensor Floats(string key, long[] shape, float[] values) =>
        new(key, StateTensorType.Float32, shape, MemoryMarshal.AsBytes<float>(values).ToArray());
}
