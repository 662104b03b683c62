using System.Globalization;

namespace TrainingService.Benchmarks;

/// <summary>The command line of the benchmark; every option has a default so a bare run measures LeNet-5 on MNIST.</summary>
internal sealed record BenchmarkOptions
{
    public const string SyntheticCifar = "synthetic-cifar";

    public string Dataset { get; init; } = "mnist";

    /// <summary>Null picks the dataset's usual network: LeNet-5 for greyscale digits, AlexNet for 3x32x32.</summary>
    public string? Model { get; init; }

    public int BatchSize { get; init; } = 64;

    /// <summary>Batches per timed repetition; the loader is cut to this many batches so one repetition is one epoch.</summary>
    public int Batches { get; init; } = 200;

    public int Repeats { get; init; } = 5;

    /// <summary>0 keeps libtorch's own intra-op thread count, as the worker does by default.</summary>
    public int Threads { get; init; }

    /// <summary>Null means the repository's <c>.data/datasets</c>, as the service uses it.</summary>
    public string? DataRoot { get; init; }

    /// <summary>How many images the synthetic 3x32x32 dataset generates.</summary>
    public int SyntheticImages { get; init; } = 10_000;

    /// <summary>Null means augment 3-channel images (RandomCrop and RandomHorizontalFlip), not greyscale ones.</summary>
    public bool? Augment { get; init; }

    public long Seed { get; init; } = 42;

    public string ModelName => Model ?? (Dataset == SyntheticCifar ? "alexnet-cifar10" : "lenet5");

    public static string Usage =>
        """
        dotnet run -c Release --project tools/Benchmarks -- [options]
          --dataset mnist|synthetic-cifar|<registered name>   (default mnist)
          --model lenet5|alexnet-cifar10|resnet20|<zoo name>   (default lenet5, alexnet-cifar10 for synthetic-cifar)
          --batch N          batch size (default 64)
          --batches N        batches per timed repetition (default 200)
          --repeats N        timed repetitions of each path, after one warm-up each (default 5)
          --threads N        libtorch intra-op threads (default: libtorch's choice)
          --data-root PATH   dataset folder (default .data/datasets under the repository root)
          --images N         images of the synthetic 3x32x32 dataset (default 10000)
          --augment on|off   random crop and flip (default: on for 3-channel images)
          --seed N           data order, augmentation and weight seed (default 42)
        """;

    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has a value out of range.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--dataset" => options with { Dataset = value.ToLowerInvariant() },
                "--model" => options with { Model = value },
                "--batch" => options with { BatchSize = Positive(name, value) },
                "--batches" => options with { Batches = Positive(name, value) },
                "--repeats" => options with { Repeats = Positive(name, value) },
                "--threads" => options with { Threads = Positive(name, value) },
                "--data-root" => options with { DataRoot = value },
                "--images" => options with { SyntheticImages = Positive(name, value) },
                "--augment" => options with { Augment = OnOff(name, value) },
                "--seed" => options with { Seed = long.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }
        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive integer, not '{value}'.");

    private static bool OnOff(string name, string value) => value.ToLowerInvariant() switch
    {
        "on" => true,
        "off" => false,
        _ => throw new ArgumentException($"{name} must be on or off, not '{value}'."),
    };
}
