using System.Globalization;

namespace TrainingService.Faults;

/// <summary>The command line: which scenarios, how often each repeats its fault, and how the fleet is configured.</summary>
internal sealed record FaultOptions
{
    public static readonly string[] AllScenarios = ["worker-kill", "postgres-outage", "api-restart", "checkpoint-kill", "cancel"];

    /// <summary>Scenarios on several workers that share only PostgreSQL; run when named, not by default.</summary>
    public static readonly string[] FleetScenarios = ["scale-out", "scheduling"];

    public IReadOnlyList<string> Scenarios { get; init; } = AllScenarios;

    /// <summary>Workers of the fleet scenarios.</summary>
    public int Workers { get; init; } = 3;

    /// <summary>scheduling: tiny jobs for the whole fleet (each worker alone runs a third of them, at least 20).</summary>
    public int FleetJobs { get; init; } = 200;

    /// <summary>Null keeps each scenario's own count: 10 worker kills, 3 outages, 20 checkpoint kills.</summary>
    public int? Times { get; init; }

    public int OutageSeconds { get; init; } = 20;

    public int LeaseSeconds { get; init; } = 5;

    public int Threads { get; init; } = 2;

    /// <summary>Images of the MNIST subset the LeNet scenarios train on (a few seconds an epoch on two cores).</summary>
    public int TrainImages { get; init; } = 6000;

    public string? DatasetRoot { get; init; }

    public bool Keep { get; init; }

    public bool SkipVgg { get; init; }

    public static string Usage =>
        """
        dotnet run -c Release --project tools/Faults -- [scenario ...] [options]
          scenarios: worker-kill postgres-outage api-restart checkpoint-kill cancel (default: all, in that order)
                     scale-out scheduling (several workers sharing only PostgreSQL; only when named)
          --workers N         workers of scale-out and scheduling (default 3)
          --jobs N            scheduling: tiny jobs the fleet runs (default 200)
          --times N           repetitions of the fault: worker kills (default 10), outages (3), checkpoint kills (20)
          --outage-seconds S  how long PostgreSQL stays down (default 20)
          --lease S           RunLeaseOptions__Lease of the fleet (default 5; the heartbeat and sweep run every 1 s)
          --threads N         TrainingOptions__CpuThreads, the same for every run so results repeat (default 2)
          --train-images N    MNIST training images of the LeNet-5 jobs (default 6000)
          --data-root PATH    folder holding mnist/ (default .data/datasets under the repository root)
          --skip-vgg          cancel: time LeNet-5 only
          --keep              keep the work folder (logs, checkpoints) even when every check passed
        """;

    /// <exception cref="ArgumentException">An unknown scenario or option, or a bad value.</exception>
    public static FaultOptions Parse(IReadOnlyList<string> args)
    {
        var options = new FaultOptions();
        var scenarios = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                scenarios.Add(AllScenarios.Contains(name) || FleetScenarios.Contains(name) ? name : throw new ArgumentException($"Unknown scenario {name}.\n{Usage}"));
                continue;
            }
            if (name is "--keep" or "--skip-vgg")
            {
                options = name == "--keep" ? options with { Keep = true } : options with { SkipVgg = true };
                continue;
            }
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--times" => options with { Times = Positive(name, value) },
                "--outage-seconds" => options with { OutageSeconds = Positive(name, value) },
                "--lease" => options with { LeaseSeconds = Positive(name, value) },
                "--threads" => options with { Threads = Positive(name, value) },
                "--train-images" => options with { TrainImages = Positive(name, value) },
                "--data-root" => options with { DatasetRoot = value },
                "--workers" => options with { Workers = Positive(name, value) },
                "--jobs" => options with { FleetJobs = Positive(name, value) },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }
        return scenarios.Count == 0 ? options : options with { Scenarios = AllScenarios.Concat(FleetScenarios).Where(scenarios.Contains).ToList() };
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive integer, not '{value}'.");
}
