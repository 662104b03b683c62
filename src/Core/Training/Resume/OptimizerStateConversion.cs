using TorchSharp.Modules;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Training.Recipe;
using static TorchSharp.torch;

namespace TrainingService.Core.Training.Resume;

/// <summary>
/// Moves a TorchSharp optimizer's state to and from <see cref="OptimizerState"/>, naming each buffer and
/// hyperparameter as <c>torch.optim</c> (1.13 and 2.x) does, so <c>optimizer.load_state_dict()</c> accepts it.
/// Parameters are indexed in the order <c>model.parameters()</c> yields them, which is the order both
/// libraries register them in.
/// </summary>
public static class OptimizerStateConversion
{
    public static OptimizerState Capture(optim.Optimizer optimizer, OptimizerSpec spec, double learningRate)
    {
        var helper = optimizer as OptimizerHelper ?? throw new NotSupportedException($"{optimizer.GetType().Name} keeps its state in native code.");
        var states = helper.state_dict().State;
        return optimizer switch
        {
            SGD => new OptimizerState("SGD", states.Select(s => Buffers(null, ("momentum_buffer", ((SGD.State)s).momentum_buffer))).ToList(),
                Group(learningRate, ("momentum", spec.Momentum), ("dampening", spec.Dampening), ("weight_decay", spec.EffectiveWeightDecay),
                    ("nesterov", spec.Nesterov), ("maximize", false), ("foreach", null), ("differentiable", false))),
            AdamW => new OptimizerState("AdamW", states.Select(s => (AdamW.State)s)
                    .Select(s => Buffers(s.step, ("exp_avg", s.exp_avg), ("exp_avg_sq", s.exp_avg_sq), ("max_exp_avg_sq", s.max_exp_avg_sq))).ToList(),
                AdamGroup(spec, learningRate)),
            Adam => new OptimizerState("Adam", states.Select(s => (Adam.State)s)
                    .Select(s => Buffers(s.step, ("exp_avg", s.exp_avg), ("exp_avg_sq", s.exp_avg_sq), ("max_exp_avg_sq", s.max_exp_avg_sq))).ToList(),
                AdamGroup(spec, learningRate)),
            RMSProp => new OptimizerState("RMSprop", states.Select(s => (RMSProp.State)s)
                    .Select(s => Buffers(s.step, ("square_avg", s.square_avg), ("momentum_buffer", spec.Momentum > 0 ? s.momentum_buffer : null), ("grad_avg", null))).ToList(),
                Group(learningRate, ("momentum", spec.Momentum), ("alpha", spec.Alpha), ("eps", spec.Eps), ("centered", false),
                    ("weight_decay", spec.EffectiveWeightDecay), ("foreach", null), ("maximize", false), ("differentiable", false))),
            _ => throw new NotSupportedException($"No PyTorch layout is known for {optimizer.GetType().Name}."),
        };
    }

    /// <summary>Puts saved buffers back into a freshly created optimizer of the same kind over the same parameters.</summary>
    public static void Restore(optim.Optimizer optimizer, OptimizerState saved, Device device)
    {
        var helper = optimizer as OptimizerHelper ?? throw new NotSupportedException($"{optimizer.GetType().Name} keeps its state in native code.");
        var states = helper.state_dict().State;
        if (states.Count != saved.Parameters.Count)
        {
            throw new InvalidCheckpointException(
                $"The training checkpoint's optimizer has state for {saved.Parameters.Count} parameters; the network has {states.Count}.");
        }
        for (var index = 0; index < states.Count; index++)
        {
            var parameter = saved.Parameters[index];
            Tensor? Buffer(string name) => parameter?.Buffers.FirstOrDefault(b => b.Key == name) is { } b ? ToDevice(b, device) : null;
            switch (states[index])
            {
                case SGD.State sgd:
                    sgd.momentum_buffer = Buffer("momentum_buffer")!;
                    break;
                case AdamW.State adamW:
                    (adamW.step, adamW.exp_avg, adamW.exp_avg_sq) = (parameter?.Step ?? 0, Buffer("exp_avg") ?? adamW.exp_avg, Buffer("exp_avg_sq") ?? adamW.exp_avg_sq);
                    adamW.max_exp_avg_sq = Buffer("max_exp_avg_sq") ?? adamW.max_exp_avg_sq;
                    break;
                case Adam.State adam:
                    (adam.step, adam.exp_avg, adam.exp_avg_sq) = (parameter?.Step ?? 0, Buffer("exp_avg") ?? adam.exp_avg, Buffer("exp_avg_sq") ?? adam.exp_avg_sq);
                    adam.max_exp_avg_sq = Buffer("max_exp_avg_sq") ?? adam.max_exp_avg_sq;
                    break;
                case RMSProp.State rms:
                    (rms.step, rms.square_avg) = (parameter?.Step ?? 0, Buffer("square_avg") ?? rms.square_avg);
                    rms.momentum_buffer = Buffer("momentum_buffer") ?? rms.momentum_buffer;
                    break;
                default:
                    throw new NotSupportedException($"No PyTorch layout is known for {states[index].GetType().Name}.");
            }
        }
    }

    private static IReadOnlyList<KeyValuePair<string, object?>> AdamGroup(OptimizerSpec spec, double learningRate) =>
        Group(learningRate, ("betas", (spec.Beta1, spec.Beta2)), ("eps", spec.Eps), ("weight_decay", spec.EffectiveWeightDecay),
            ("amsgrad", false), ("maximize", false), ("foreach", null), ("capturable", false), ("differentiable", false), ("fused", null));

    private static IReadOnlyList<KeyValuePair<string, object?>> Group(double learningRate, params (string Key, object? Value)[] settings) =>
        [new("lr", learningRate), .. settings.Select(s => new KeyValuePair<string, object?>(s.Key, s.Value))];

    /// <summary>A parameter that has never had a gradient has no state, as in torch.</summary>
    private static ParameterState? Buffers(long? step, params (string Name, Tensor? Tensor)[] buffers)
    {
        var present = buffers.Where(b => b.Tensor is not null && !b.Tensor.IsInvalid).ToList();
        if (present.Count == 0 || step == 0)
        {
            return null;
        }
        using var scope = NewDisposeScope();
        return new ParameterState(step, present.Select(b =>
        {
            var cpu = b.Tensor!.detach().cpu().contiguous();
            return new StateTensor(b.Name, StateTensorTypes.FromScalarType(cpu.dtype, b.Name), cpu.shape, cpu.bytes.ToArray());
        }).ToList());
    }

    private static Tensor ToDevice(StateTensor saved, Device device)
    {
        using var scope = NewDisposeScope();
        var staged = empty(saved.Shape, StateTensorTypes.ToScalarType(saved.Type));
        staged.bytes = saved.Data;
        return staged.to(device).DetachFromDisposeScope();
    }
}
