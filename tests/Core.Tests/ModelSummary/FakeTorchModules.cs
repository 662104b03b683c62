namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>
/// Python stand-ins for the modules torch, torch.nn and torch.nn.functional: the parameter-free layers and the
/// functional ops with torch's signatures, so that a wrong keyword fails as it would with torch.
/// </summary>
internal static class FakeTorchModules
{
    public const string Source = FakeTorchLayers.Source + "\n" + """
        def layer(name, signature):
            exec(f"def __init__(self, {signature}): Module.__init__(self)", globals(), scope := {})
            return type(name, (Module,), scope)

        def op(name, signature):
            exec(f"def {name}({signature}): return input", globals(), scope := {})
            return scope[name]

        nn = types.ModuleType("torch.nn")
        F = types.ModuleType("torch.nn.functional")
        torch = types.ModuleType("torch")
        torch.nn, nn.functional, nn.Module = nn, F, Module
        for cls in (Conv2d, Linear, BatchNorm2d, Sequential): setattr(nn, cls.__name__, cls)
        for name, signature in [
                ("MaxPool2d", "kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False"),
                ("AvgPool2d", "kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None"),
                ("AdaptiveAvgPool2d", "output_size"), ("Dropout", "p=0.5, inplace=False"), ("ReLU", "inplace=False"),
                ("LeakyReLU", "negative_slope=0.01, inplace=False"), ("Sigmoid", ""), ("Tanh", ""),
                ("GELU", "approximate='none'"), ("Flatten", "start_dim=1, end_dim=-1")]:
            setattr(nn, name, layer(name, signature))
        for module, name, signature in [
                (F, "relu", "input, inplace=False"), (F, "leaky_relu", "input, negative_slope=0.01, inplace=False"),
                (F, "gelu", "input, approximate='none'"), (F, "dropout", "input, p=0.5, training=True, inplace=False"),
                (F, "max_pool2d", "input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False"),
                (F, "avg_pool2d", "input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None"),
                (F, "adaptive_avg_pool2d", "input, output_size"), (torch, "tanh", "input"), (torch, "sigmoid", "input"),
                (torch, "flatten", "input, start_dim=0, end_dim=-1")]:
            setattr(module, name, op(name, signature))
        torch.cat = lambda tensors, dim=0: tensors[0]
        sys.modules.update({"torch": torch, "torch.nn": nn, "torch.nn.functional": F})
        """;
}
