namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>
/// Python stand-ins for nn.Module and the layers with weights: torch's constructor signatures, and the parameters
/// and buffers torch registers, in its order (own parameters, own buffers, then children).
/// </summary>
internal static class FakeTorchLayers
{
    public const string Source = """
        class Tensor:
            def __add__(self, other): return self

        class Module:
            def __init__(self):
                self.__dict__.update(_parameters={}, _buffers={}, _modules={}, training=False)
            def __setattr__(self, name, value):
                if isinstance(value, Module):
                    self.__dict__.pop(name, None)
                    self._modules[name] = value
                else:
                    object.__setattr__(self, name, value)
            def __getattr__(self, name):
                for table in ("_parameters", "_buffers", "_modules"):
                    if name in self.__dict__.get(table, {}):
                        return self.__dict__[table][name]
                raise AttributeError(name)
            def __call__(self, x):
                assert isinstance(x, Tensor), type(self).__name__ + " was called with " + repr(x)
                return self.forward(x)
            def forward(self, x): return x
            def add_module(self, name, module): self._modules[name] = module
            def entries(self, prefix=""):
                for name, shape in list(self._parameters.items()) + list(self._buffers.items()):
                    yield prefix + name, shape
                for name, child in self._modules.items():
                    yield from child.entries(prefix + name + ".")

        class Conv2d(Module):
            def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1,
                         bias=True, padding_mode="zeros", device=None, dtype=None):
                super().__init__()
                self._parameters["weight"] = [out_channels, in_channels // groups, kernel_size, kernel_size]
                if bias: self._parameters["bias"] = [out_channels]

        class Linear(Module):
            def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
                super().__init__()
                self._parameters["weight"] = [out_features, in_features]
                if bias: self._parameters["bias"] = [out_features]

        class BatchNorm2d(Module):
            def __init__(self, num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True,
                         device=None, dtype=None):
                super().__init__()
                self._parameters.update(weight=[num_features], bias=[num_features])
                self._buffers.update(running_mean=[num_features], running_var=[num_features], num_batches_tracked=[])

        class Sequential(Module):
            def __init__(self, *modules):
                super().__init__()
                for index, module in enumerate(modules): self.add_module(str(index), module)
            def forward(self, x):
                for module in self._modules.values(): x = module(x)
                return x
        """;
}
