using System.Globalization;
using TrainingService.Core.Models;

namespace TrainingService.TrainingComparison;

/// <summary>The command line; a bare run compares the six networks of issue 13 with 2 threads, batch 64.</summary>
internal sealed record ComparisonOptions
{
    public static readonly IReadOnlyList<string> DefaultModels = ["lenet5", "mnist-cnn", "alexnet-cifar10", "resnet20", "resnet56", "vgg11-bn"];

    /// <summary>Each model with an optional input override (<c>vgg11-bn@3x32x32</c>): ImageNet-sized inputs take minutes a batch here.</summary>
    public IReadOnlyList<(string Model, InputShape? Input)> Models { get; init; } = DefaultModels.Select(m => (m, (InputShape?)null)).ToList();

    public int Threads { get; init; } = 2;

    public int BatchSize { get; init; } = 64;

    /// <summary>Batches per epoch for every model, unless <see cref="BigBatches"/> applies.</summary>
    public int Batches { get; init; } = 20;

    /// <summary>Batches per epoch for the networks over 10 million parameters or on ImageNet-sized inputs.</summary>
    public int BigBatches { get; init; } = 4;

    public int Repeats { get; init; } = 5;

    public long Seed { get; init; } = 42;

    public bool Phases { get; init; }

    public bool AllowReferenceBlas { get; init; }

    public bool OtherLayoutVariant { get; init; }

    /// <summary><c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>: both sides train there.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>TF32 for matmul and cuDNN on both sides when the device is CUDA, as the worker sets it on Ampere and newer.</summary>
    public bool TensorFloat32 { get; init; } = true;

    /// <summary>The peer's interpreter: Debian's PyTorch has no CUDA, so a GPU comparison names a CUDA build's.</summary>
    public string Python { get; init; } = "/usr/bin/python3";

    public bool OnGpu => Device.StartsWith("cuda", StringComparison.Ordinal);

    public static string Usage =>
        """
        dotnet run -c Release --project tools/TrainingComparison -- [options]
          --models a,b,...   zoo names, each optionally NAME@CxHxW (default lenet5,mnist-cnn,alexnet-cifar10,resnet20,resnet56,vgg11-bn)
          --threads N        intra-op threads on both sides (default 2)
          --batch N          batch size (default 64)
          --batches N        batches per epoch (default 20)
          --big-batches N    batches per epoch for alexnet-cifar10, vgg*, resnet56 (default 4)
          --repeats N        timed epochs per side after one warm-up each, interleaved (default 5)
          --seed N           weights, data and order (default 42)
          --phases           also time data, forward, backward and optimizer step apart (one more epoch per side)
          --other-layout     also time our network in the other memory layout (NCHW where ChannelsLastRule applies, NHWC for the rest), interleaved
          --allow-reference-blas   run even when PyTorch has no OpenBLAS (the figures then mean little)
          --device D         cpu, cuda or cuda:N: both sides train there (default cpu; cuda needs the -p:TorchBackend=cuda build)
          --tf32 on|off      TF32 matmul and cuDNN on both sides on CUDA (default on, as the worker on compute capability 8.0+)
          --python PATH      the peer's interpreter (default /usr/bin/python3; on a GPU, one whose torch has CUDA)
        """;

    public static readonly IReadOnlySet<string> Big = new HashSet<string>(StringComparer.Ordinal) { "alexnet-cifar10", "resnet56", "vgg11", "vgg11-bn", "vgg13-bn", "vgg16-bn" };

    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has a value out of range.</exception>
    public static ComparisonOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ComparisonOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--phases" or "--allow-reference-blas" or "--other-layout")
            {
                options = name switch
                {
                    "--phases" => options with { Phases = true },
                    "--other-layout" => options with { OtherLayoutVariant = true },
                    _ => options with { AllowReferenceBlas = true },
                };
                continue;
            }
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--models" => options with { Models = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseModel).ToList() },
                "--threads" => options with { Threads = Positive(name, value) },
                "--batch" => options with { BatchSize = Positive(name, value) },
                "--batches" => options with { Batches = Positive(name, value) },
                "--big-batches" => options with { BigBatches = Positive(name, value) },
                "--repeats" => options with { Repeats = Positive(name, value) },
                "--seed" => options with { Seed = long.Parse(value, CultureInfo.InvariantCulture) },
                "--device" => options with { Device = ParseDevice(value) },
                "--tf32" => options with { TensorFloat32 = value is "on" ? true : value is "off" ? false : throw new ArgumentException($"--tf32 is on or off, not '{value}'.") },
                "--python" => options with { Python = value },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }
        return options.OnGpu && options.OtherLayoutVariant
            ? throw new ArgumentException("--other-layout compares the CPU's memory layouts; the worker leaves GPU batches as they are.")
            : options;
    }

    private static string ParseDevice(string value) =>
        value is "cpu" or "cuda"
        || (value.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? value
            : throw new ArgumentException($"--device is cpu, cuda or cuda:N, not '{value}'.");

    private static (string, InputShape?) ParseModel(string text)
    {
        var parts = text.Split('@', 2);
        if (parts.Length == 1)
        {
            return (parts[0], null);
        }
        var sizes = parts[1].Split('x');
        return sizes.Length == 3 && sizes.All(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            ? (parts[0], new InputShape(int.Parse(sizes[0], CultureInfo.InvariantCulture), int.Parse(sizes[1], CultureInfo.InvariantCulture), int.Parse(sizes[2], CultureInfo.InvariantCulture)))
            : throw new ArgumentException($"'{text}': the input must be CxHxW, such as 3x32x32.");
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive integer, not '{value}'.");
}
