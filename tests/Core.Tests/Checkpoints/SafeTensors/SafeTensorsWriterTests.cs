using System.Runtime.InteropServices;
using System.Text;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Checkpoints.SafeTensors;

namespace TrainingService.Core.Tests.Checkpoints.SafeTensors;

public sealed class SafeTensorsWriterTests
{
    [Fact]
    public void One_tensor_gives_the_reference_crates_bytes()
    {
        // huggingface/safetensors' own test_serialization: "attn.0", F32, shape [1, 2, 3], values 0..5.
        var tensor = new StateTensor("attn.0", StateTensorType.Float32, [1, 2, 3], MemoryMarshal.AsBytes<float>([0f, 1, 2, 3, 4, 5]).ToArray());

        var bytes = new SafeTensorsWriter().ToBytes([tensor]);

        var header = """{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}""";
        Assert.Equal(64, header.Length);
        Assert.Equal([64, 0, 0, 0, 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(header), .. tensor.Data], bytes);
    }

    [Fact]
    public void The_header_is_padded_with_spaces_to_a_multiple_of_8_and_metadata_comes_first()
    {
        var empty = new SafeTensorsWriter().ToBytes([]);
        var withMetadata = new SafeTensorsWriter().ToBytes([], new Dictionary<string, string> { ["framework"] = "pt" });

        Assert.Equal([8, 0, 0, 0, 0, 0, 0, 0, (byte)'{', (byte)'}', 32, 32, 32, 32, 32, 32], empty);
        Assert.Equal([40, 0, 0, 0, 0, 0, 0, 0, .. Encoding.ASCII.GetBytes("""{"__metadata__":{"framework":"pt"}}     """)], withMetadata);
    }

    [Fact]
    public void Tensors_are_ordered_by_descending_alignment_then_by_name_so_each_starts_aligned()
    {
        var tensors = SampleStateDicts.EveryTypeAndShape();

        var file = new SafeTensorsReader().Read(new MemoryStream(new SafeTensorsWriter().ToBytes(tensors)));

        Assert.Equal(["bn.num_batches_tracked", "fc.weight", "conv.weight", "empty", "ids", "bfloat", "half", "pixels", "mask"],
            file.Tensors.Select(t => t.Key));
    }

    [Fact]
    public void The_same_tensors_and_metadata_give_the_same_bytes_whatever_their_order()
    {
        var tensors = SampleStateDicts.EveryTypeAndShape();
        var metadata = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1", ["model"] = "lenet5" };

        var first = new SafeTensorsWriter().ToBytes(tensors, metadata);
        var second = new SafeTensorsWriter().ToBytes([.. tensors.Reverse()], new Dictionary<string, string>(metadata.Reverse()));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Strings_are_escaped_as_serde_json_escapes_them()
    {
        var bytes = new SafeTensorsWriter().ToBytes([], new Dictionary<string, string> { ["note"] = "a \"b\" \\ é\n\u0001" });

        Assert.Contains("""{"__metadata__":{"note":"a \"b\" \\ é\n\u0001"}}""", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void A_tensor_named_like_the_metadata_or_twice_is_refused()
    {
        var tensor = SampleStateDicts.Floats("w", [2]);

        Assert.Throws<ArgumentException>(() => new SafeTensorsWriter().ToBytes([tensor, tensor]));
        Assert.Throws<ArgumentException>(() => new SafeTensorsWriter().ToBytes([SampleStateDicts.Floats("__metadata__", [1])]));
    }
}
