using System.Security.Cryptography;
using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>
/// State-dict files already downloaded by users have published SHA-256s; these digests were taken from the writer
/// before it became a front for the general object writer, so any byte that moves fails here.
/// </summary>
public class PthWriterGoldenBytesTests
{
    [Fact]
    public void A_state_dict_of_every_type_and_shape_is_written_byte_for_byte_as_before()
    {
        Assert.Equal("0a6a111fee2ccf880a565f1e4193c8a384778ed8c7b974472680b7ca0b10ae79", Sha256(PthBytes.Write(SampleStateDicts.EveryTypeAndShape())));
    }

    [Fact]
    public void A_state_dict_of_more_than_a_thousand_tensors_is_written_byte_for_byte_as_before()
    {
        var tensors = Enumerable.Range(0, 2345).Select(i => SampleStateDicts.Floats($"layer{i}.bias", [i % 3])).ToList();

        Assert.Equal("6c0ad23c6c301332ca7c3894390cbb3ad2ccf462f2bddbbb1fb5543296158deb", Sha256(PthBytes.Write(tensors)));
    }

    [Fact]
    public void An_empty_state_dict_and_a_renamed_archive_are_written_byte_for_byte_as_before()
    {
        Assert.Equal("799b0cff44e5530fe9452e732de5b49eeef80d41216562cc5f6e4d338fde3c47", Sha256(PthBytes.Write([])));
        Assert.Equal("cb495eb6e812edbac2a348c0cfce922007317ecbaa77d8ab9dbce4e2d9472f9a", Sha256(PthBytes.Write([SampleStateDicts.Floats("w", [70000])], new PthWriterOptions("lenet5"))));
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
