using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TrainingService.Core.Models.LeNet;

/// <summary>
/// LeNet-5 (tanh, average pooling) on Cin x 32 x 32. Field names are the state_dict keys of the
/// reference PyTorch class: conv1, conv2, fc1, fc2, fc3 (pools hold no weights).
/// </summary>
public sealed class LeNet5 : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly AvgPool2d pool1;
    private readonly Conv2d conv2;
    private readonly AvgPool2d pool2;
    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly Linear fc3;

    public LeNet5(int inputChannels, int numClasses) : base(nameof(LeNet5))
    {
        conv1 = nn.Conv2d(inputChannels, 6, 5);
        pool1 = nn.AvgPool2d(2, 2);
        conv2 = nn.Conv2d(6, 16, 5);
        pool2 = nn.AvgPool2d(2, 2);
        fc1 = nn.Linear(400, 120);
        fc2 = nn.Linear(120, 84);
        fc3 = nn.Linear(84, numClasses);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = pool1.call(conv1.call(input).tanh());
        x = pool2.call(conv2.call(x).tanh());
        x = x.flatten(1);
        x = fc1.call(x).tanh();
        x = fc2.call(x).tanh();
        return fc3.call(x).MoveToOuterDisposeScope();
    }
}
