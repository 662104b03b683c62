using TrainingService.Core.Models.Summary;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>
/// What torchinfo 1.8.0 prints for the emitted reference modules (checked against torch 2.11 on the emitted source),
/// with <c>col_names=("output_size", "num_params", "mult_adds")</c>; the text must come out character for character.
/// </summary>
public sealed class TorchinfoReferenceTests
{
    [Fact]
    public void A_small_resnet_at_batch_128_prints_torchinfos_table()
    {
        var text = ModelSummarizer.Summarize(SampleNetworks.SmallResNet(), 128).ToText();

        Assert.Equal("""
            ===================================================================================================================
            Layer (type:depth-idx)                   Output Shape              Param #                   Mult-Adds
            ===================================================================================================================
            SmallResNet                              [128, 10]                 --                        --
            ├─Conv2d: 1-1                            [128, 16, 32, 32]         432                       56,623,104
            ├─BatchNorm2d: 1-2                       [128, 16, 32, 32]         32                        4,096
            ├─Sequential: 1-3                        [128, 16, 32, 32]         --                        --
            │    └─BasicBlock: 2-1                   [128, 16, 32, 32]         --                        --
            │    │    └─Conv2d: 3-1                  [128, 16, 32, 32]         2,304                     301,989,888
            │    │    └─BatchNorm2d: 3-2             [128, 16, 32, 32]         32                        4,096
            │    │    └─Conv2d: 3-3                  [128, 16, 32, 32]         2,304                     301,989,888
            │    │    └─BatchNorm2d: 3-4             [128, 16, 32, 32]         32                        4,096
            ├─Sequential: 1-4                        [128, 32, 16, 16]         --                        --
            │    └─BasicBlock: 2-2                   [128, 32, 16, 16]         --                        --
            │    │    └─Conv2d: 3-5                  [128, 32, 16, 16]         4,608                     150,994,944
            │    │    └─BatchNorm2d: 3-6             [128, 32, 16, 16]         64                        8,192
            │    │    └─Conv2d: 3-7                  [128, 32, 16, 16]         9,216                     301,989,888
            │    │    └─BatchNorm2d: 3-8             [128, 32, 16, 16]         64                        8,192
            │    │    └─Sequential: 3-9              [128, 32, 16, 16]         4,672                     151,003,136
            ├─Sequential: 1-5                        [128, 64, 8, 8]           --                        --
            │    └─BasicBlock: 2-3                   [128, 64, 8, 8]           --                        --
            │    │    └─Conv2d: 3-10                 [128, 64, 8, 8]           18,432                    150,994,944
            │    │    └─BatchNorm2d: 3-11            [128, 64, 8, 8]           128                       16,384
            │    │    └─Conv2d: 3-12                 [128, 64, 8, 8]           36,864                    301,989,888
            │    │    └─BatchNorm2d: 3-13            [128, 64, 8, 8]           128                       16,384
            │    │    └─Sequential: 3-14             [128, 64, 8, 8]           2,176                     16,793,600
            ├─AvgPool2d: 1-6                         [128, 64, 1, 1]           --                        --
            ├─Linear: 1-7                            [128, 10]                 650                       83,200
            ===================================================================================================================
            Total params: 82,138
            Trainable params: 82,138
            Non-trainable params: 0
            Total mult-adds (G): 1.73
            ===================================================================================================================
            Input size (MB): 1.57
            Forward/backward pass size (MB): 176.17
            Params size (MB): 0.33
            Estimated Total Size (MB): 178.07
            ===================================================================================================================
            """, text);
    }

    [Theory]
    [InlineData("mnist-cnn", 64, "2,328,298", "(M): 741.65", "0.20", "45.49", "9.31", "55.00")]
    [InlineData("inception-cifar", 8, "511,498", "(G): 2.45", "0.10", "85.46", "2.05", "87.60")]
    [InlineData("tiny-googlenet", 2, "141,354", "(G): 1.04", "1.20", "62.62", "0.57", "64.39")]
    public void Networks_of_blocks_have_torchinfos_totals(
        string network, int batch, string parameters, string multAdds, string input, string passes, string weights, string total)
    {
        var description = network switch
        {
            "mnist-cnn" => SampleNetworks.MnistCnn(),
            "inception-cifar" => SampleNetworks.InceptionCifar(),
            _ => SampleNetworks.TinyGoogLeNet(),
        };

        var lines = ModelSummarizer.Summarize(description, batch).ToText().Split('\n');

        Assert.Equal(
        [
            $"Total params: {parameters}", $"Trainable params: {parameters}", "Non-trainable params: 0", $"Total mult-adds {multAdds}",
            $"Input size (MB): {input}", $"Forward/backward pass size (MB): {passes}", $"Params size (MB): {weights}",
            $"Estimated Total Size (MB): {total}",
        ], lines[^10..^1].Where(line => !line.StartsWith('=')));
    }
}
