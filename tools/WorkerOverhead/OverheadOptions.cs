using System.Globalization;

namespace TrainingService.WorkerOverhead;

/// <summary>The command line: the job's size, how often the two sides alternate, and the Worker's extra environment.</summary>
internal sealed record OverheadOptions
{
    public int Rounds { get; init; } = 3;

    public int Epochs { get; init; } = 3;

    public int TrainImages { get; init; } = 12_800;

    public int BatchSize { get; init; } = 64;

    public int Threads { get; init; } = 2;

    public string Model { get; init; } = "lenet5";

    public string? DatasetRoot { get; init; }

    /// <summary>First-run mode: a fresh Worker process per round, two jobs each, and no in-process trainer.</summary>
    public bool FreshWorker { get; init; }

    /// <summary>KEY=VALUE pairs for the Worker process only, so that one candidate setting is measured at a time.</summary>
    public IReadOnlyDictionary<string, string> WorkerEnvironment { get; init; } = new Dictionary<string, string>();

    public static string Usage =>
        """
        dotnet run -c Release --project tools/WorkerOverhead -- [options]
          --rounds N          job in the Worker, then the same spec in this process, N times alternating (default 3)
          --epochs N          epochs per job; images/s is compared over epochs 2..N (default 3)
          --train-images N    MNIST training images (trainLimit; default 12800)
          --batch N           batch size (default 64)
          --threads N         libtorch threads of both sides (default 2)
          --model NAME        a zoo model that takes MNIST (default lenet5)
          --data-root PATH    folder holding mnist/ (default .data/datasets under the repository root)
          --worker-env K=V    environment of the Worker process only; repeatable
          --fresh-worker      first-run mode: per round a new Worker process trains two jobs; prints setup time and epoch 1
        """;

    /// <exception cref="ArgumentException">An unknown option or a bad value.</exception>
    public static OverheadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new OverheadOptions();
        var environment = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--fresh-worker")
            {
                options = options with { FreshWorker = true };
                continue;
            }
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            switch (name)
            {
                case "--worker-env":
                    var parts = value.Split('=', 2);
                    if (parts.Length != 2 || parts[0].Length == 0)
                    {
                        throw new ArgumentException($"--worker-env takes KEY=VALUE, not '{value}'.");
                    }
                    environment[parts[0]] = parts[1];
                    break;
                default:
                    options = name switch
                    {
                        "--rounds" => options with { Rounds = Positive(name, value) },
                        "--epochs" => options with { Epochs = Positive(name, value) },
                        "--train-images" => options with { TrainImages = Positive(name, value) },
                        "--batch" => options with { BatchSize = Positive(name, value) },
                        "--threads" => options with { Threads = Positive(name, value) },
                        "--model" => options with { Model = value },
                        "--data-root" => options with { DatasetRoot = value },
                        _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
                    };
                    break;
            }
        }
        if (options.Epochs < 2 && !options.FreshWorker)
        {
            throw new ArgumentException("--epochs must be at least 2: the comparison leaves out each side's first epoch.");
        }
        return options with { WorkerEnvironment = environment };
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive integer, not '{value}'.");
}
