using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

public class PthRoundTripTests
{
    [Fact]
    public void Writing_then_reading_a_state_dict_returns_every_tensor_unchanged()
    {
        var tensors = SampleStateDicts.EveryTypeAndShape();

        var read = PthBytes.Read(PthBytes.Write(tensors));

        StateTensorAssert.Equal(tensors, read);
    }

    [Fact]
    public void An_empty_state_dict_round_trips()
    {
        Assert.Empty(PthBytes.Read(PthBytes.Write([])));
    }

    [Fact]
    public void More_than_a_thousand_tensors_round_trip_in_order()
    {
        var tensors = Enumerable.Range(0, 1001).Select(i => SampleStateDicts.Floats($"layer{i}.bias", [i % 3])).ToList();

        StateTensorAssert.Equal(tensors, PthBytes.Read(PthBytes.Write(tensors)));
    }

    [Fact]
    public void Reading_from_a_non_seekable_stream_gives_the_same_tensors()
    {
        var tensors = SampleStateDicts.EveryTypeAndShape();
        using var pipe = new ForwardOnlyStream(PthBytes.Write(tensors));

        StateTensorAssert.Equal(tensors, new PthReader().Read(pipe));
    }

    [Fact]
    public void Writing_the_same_tensors_twice_produces_identical_bytes()
    {
        var tensors = SampleStateDicts.EveryTypeAndShape();

        Assert.Equal(PthBytes.Write(tensors), PthBytes.Write(tensors));
    }

    [Fact]
    public void The_archive_folder_name_is_configurable_and_any_name_reads_back()
    {
        var tensors = SampleStateDicts.EveryTypeAndShape();
        var archive = PthBytes.Write(tensors, new PthWriterOptions("resnet_weights"));

        Assert.All(TestZipDirectory.Parse(archive), entry => Assert.StartsWith("resnet_weights/", entry.Name, StringComparison.Ordinal));
        StateTensorAssert.Equal(tensors, PthBytes.Read(archive));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    public void An_archive_name_that_is_not_a_plain_folder_name_is_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => new PthWriter(new PthWriterOptions(name)));
    }

    [Fact]
    public void Writing_the_same_key_twice_is_refused()
    {
        var tensors = new[] { SampleStateDicts.Floats("w", [2]), SampleStateDicts.Floats("w", [3]) };

        var error = Assert.Throws<ArgumentException>(() => PthBytes.Write(tensors));
        Assert.Contains("'w'", error.Message, StringComparison.Ordinal);
    }
}
