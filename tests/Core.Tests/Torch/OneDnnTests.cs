using TrainingService.Core.Torch;

namespace TrainingService.Core.Tests.Torch;

[Collection(ProcessWideLibTorchCollection.Name)]
public class OneDnnTests
{
    [Theory]
    [InlineData(16, 120, 5, 5)] // LeNet-5's C5 (lenet5-relu): 5x5 maps to 120 channels of 1x1
    [InlineData(16, 10, 3, 8)] // fewer output channels than one block
    [InlineData(6, 24, 3, 8)] // a multiple of 8, not of 16
    [InlineData(32, 100, 3, 8)]
    [InlineData(16, 128, 5, 5)] // whole blocks
    public void With_oneDNN_off_a_convolution_input_gradient_matches_float64(int inChannels, int outChannels, int kernel, int size)
    {
        using var gradients = new ConvolutionGradients(inChannels, outChannels, kernel, size);
        var before = OneDnn.SetEnabled(false);
        try
        {
            Assert.InRange(gradients.RelativeError(gradients.InputGradient()), 0, 1e-5);
        }
        finally
        {
            OneDnn.SetEnabled(before);
        }
    }

    [Fact]
    public void Switching_oneDNN_returns_the_setting_before()
    {
        var before = OneDnn.SetEnabled(true);
        try
        {
            Assert.True(OneDnn.SetEnabled(false));
            Assert.False(OneDnn.IsEnabled);
            Assert.False(OneDnn.SetEnabled(true));
            Assert.True(OneDnn.IsEnabled);
        }
        finally
        {
            OneDnn.SetEnabled(before);
        }
    }
}
