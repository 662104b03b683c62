using System.Globalization;

namespace TrainingService.Repeatability;

/// <summary>The command line; a bare run repeats the course's LeNet-5 experiment with libtorch's own thread count.</summary>
internal sealed record RepeatabilityOptions
{
    public string SpecFile { get; init; } = Path.Combine(AppContext.BaseDirectory, "course-lenet5-relu.json");

    /// <summary>Runs per arm; the arms alternate run by run so both see the same machine.</summary>
    public int Runs { get; init; } = 8;

    public int Threads { get; init; }

    public string DataRoot { get; init; } = ".data/datasets";

    public static string Usage =>
        """
        dotnet run -c Release --project tools/Repeatability -- [options]
          --spec FILE        a job spec as POSTed to /api/jobs (default: the course's lenet5-relu experiment)
          --runs N           runs per arm, oneDNN's and libtorch's own CPU convolutions alternating (default 8)
          --threads N        libtorch intra-op threads (default: libtorch's choice)
          --data-root PATH   dataset folder (default .data/datasets)
        """;

    /// <exception cref="ArgumentException">An option is unknown or lacks a valid value.</exception>
    public static RepeatabilityOptions Parse(IReadOnlyList<string> args)
    {
        var options = new RepeatabilityOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--spec" => options with { SpecFile = value },
                "--runs" => options with { Runs = Positive(value, args[i]) },
                "--threads" => options with { Threads = Positive(value, args[i]) },
                "--data-root" => options with { DataRoot = value },
                var unknown => throw new ArgumentException($"Unknown option {unknown}.\n{Usage}"),
            };
        }
        return options;
    }

    private static int Positive(string value, string name) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} must be a positive whole number, got '{value}'.");
}
