using System.Globalization;

namespace TrainingService.AshaBenchmark;

/// <summary>The command line: the grid, the MNIST subset, ASHA's settings and the fleet both sweeps run on.</summary>
internal sealed record AshaBenchmarkOptions
{
    public IReadOnlyList<double> LearningRates { get; init; } = [0.1, 0.03, 0.01, 0.003];

    public IReadOnlyList<int> BatchSizes { get; init; } = [32, 64, 128, 256];

    public int Epochs { get; init; } = 4;

    public int TrainLimit { get; init; } = 6000;

    public int ValidationLimit { get; init; } = 1000;

    public int TestLimit { get; init; } = 2000;

    public int Seed { get; init; } = 42;

    public int GracePeriod { get; init; } = 1;

    public int ReductionFactor { get; init; } = 4;

    /// <summary>Worker processes; each trains one trial at a time.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>TrainingOptions__CpuThreads of every worker, fixed so that both sweeps compute the same bits.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Null: as many as there are workers.</summary>
    public int? MaxConcurrent { get; init; }

    public string? DatasetRoot { get; init; }

    public string? OutPath { get; init; }

    public bool Keep { get; init; }

    public int Concurrency => MaxConcurrent ?? Workers;

    public static string Usage =>
        """
        dotnet run -c Release --project tools/AshaBenchmark -- [options]
          --learning-rates A,B,..  sgd (momentum 0.9) learning rates, the grid's slow axis (default 0.1,0.03,0.01,0.003)
          --batch-sizes A,B,..     batch sizes, the fast axis (default 32,64,128,256)
          --epochs N               epochs of every trial (default 4)
          --train-limit N          MNIST training images (default 6000)
          --validation-limit N     validation images, held out of the training split (default 1000)
          --test-limit N           test images a finished trial is evaluated on (default 2000)
          --seed N                 hyperparameters.seed of every trial in both sweeps (default 42)
          --grace-period N         ASHA's first rung, in epochs (default 1)
          --reduction-factor N     ASHA's reduction factor (default 4)
          --workers N              Worker processes (default 2)
          --threads N              TrainingOptions__CpuThreads of each worker (default 1)
          --max-concurrent N       the sweeps' maxConcurrent (default: the worker count)
          --data-root PATH         folder holding mnist/ (default .data/datasets under the repository root)
          --out PATH               also write the markdown report there
          --keep                   keep the work folder (logs, checkpoints)
        """;

    /// <exception cref="ArgumentException">An unknown option or a bad value.</exception>
    public static AshaBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AshaBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--keep")
            {
                options = options with { Keep = true };
                continue;
            }
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--learning-rates" => options with { LearningRates = List(name, value, PositiveFraction) },
                "--batch-sizes" => options with { BatchSizes = List(name, value, Positive) },
                "--epochs" => options with { Epochs = Positive(name, value) },
                "--train-limit" => options with { TrainLimit = Positive(name, value) },
                "--validation-limit" => options with { ValidationLimit = Positive(name, value) },
                "--test-limit" => options with { TestLimit = Positive(name, value) },
                "--seed" => options with { Seed = Positive(name, value) },
                "--grace-period" => options with { GracePeriod = Positive(name, value) },
                "--reduction-factor" => options with { ReductionFactor = Positive(name, value) },
                "--workers" => options with { Workers = Positive(name, value) },
                "--threads" => options with { Threads = Positive(name, value) },
                "--max-concurrent" => options with { MaxConcurrent = Positive(name, value) },
                "--data-root" => options with { DatasetRoot = value },
                "--out" => options with { OutPath = value },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }
        return options;
    }

    private static List<T> List<T>(string name, string value, Func<string, string, T> parse) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => parse(name, v)).ToList() is { Count: > 0 } list
            ? list
            : throw new ArgumentException($"{name} needs at least one value.");

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive integer, not '{value}'.");

    private static double PositiveFraction(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0 && double.IsFinite(x)
            ? x
            : throw new ArgumentException($"{name} must be positive numbers, not '{value}'.");
}
