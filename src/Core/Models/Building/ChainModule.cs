using TorchSharp;
using TrainingService.Core.Torch;
using static TorchSharp.torch;

namespace TrainingService.Core.Models.Building;

/// <summary>
/// A custom module whose forward applies its steps in order. Named steps are registered children, hence state-dict
/// prefixes; unnamed steps stand for what a PyTorch forward calls functionally (<c>torch.tanh(x)</c>,
/// <c>x.flatten(1)</c>): applied, but no child and no key.
/// </summary>
public sealed class ChainModule : nn.Module<Tensor, Tensor>
{
    private readonly IReadOnlyList<nn.Module<Tensor, Tensor>> steps;
    private readonly IReadOnlyList<nn.Module<Tensor, Tensor>> unregistered;
    private readonly bool channelsLastInput;

    /// <param name="channelsLastInput">Hands the first step its CPU batch in NHWC strides (<see cref="ChannelsLast"/>); see <see cref="ChannelsLastRule"/>.</param>
    public ChainModule(string className, IEnumerable<(string? Name, nn.Module<Tensor, Tensor> Module)> steps, bool channelsLastInput = false) : base(className)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var ordered = steps.ToList();
        foreach (var (name, module) in ordered)
        {
            if (name is not null)
            {
                register_module(name, module);
            }
            else if (module.parameters().Any() || module.buffers().Any())
            {
                throw new ArgumentException(
                    $"An unnamed step of {className} holds parameters or buffers, which would be left out of the state dict; give it a name.",
                    nameof(steps));
            }
        }

        this.channelsLastInput = channelsLastInput;
        this.steps = ordered.Select(step => step.Module).ToList();
        unregistered = ordered.Where(step => step.Name is null).Select(step => step.Module).ToList();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = channelsLastInput ? ChannelsLast.Convert(input) : input;
        foreach (var step in steps)
        {
            x = step.call(x);
        }

        return x.MoveToOuterDisposeScope();
    }

    /// <summary>train()/eval() only reach registered children; an unnamed dropout must still follow the mode, as F.dropout(training=self.training) does.</summary>
    public override void train(bool train = true)
    {
        base.train(train);
        foreach (var module in unregistered)
        {
            module.train(train);
        }
    }

    /// <summary>Registered children are disposed by the base class; the unregistered ones are ours alone.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var module in unregistered)
            {
                module.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
