namespace TrainingService.Core.Queueing;

/// <summary>
/// The Hangfire queue names, one per priority and target: <c>p1_high_cuda</c>, <c>p2_normal_auto</c>, <c>p3_low_cpu</c>, ...
/// Hangfire.PostgreSql 1.21 fetches with <c>ORDER BY fetchedat NULLS FIRST, queue, jobid</c> over all of a
/// server's queues: the order a server lists them in is ignored and the name decides. The rank prefix makes
/// every high queue sort before every normal one and every normal before every low one (plain
/// <c>cpu_high</c>, <c>cpu_low</c>, <c>cpu_normal</c> would put low before normal). Within one priority a worker
/// takes its auto queue's jobs before its own device's (<c>auto</c> sorts first), each queue first in, first out.
/// </summary>
public static class TrainingQueues
{
    private const string Prefix = "p";

    public static IReadOnlyList<JobPriority> Priorities { get; } = [JobPriority.High, JobPriority.Normal, JobPriority.Low];

    public static string For(JobPriority priority, QueueTarget target) =>
        $"{Prefix}{(int)priority}_{Word(priority)}_{Word(target)}";

    /// <summary>The queues a worker of the class listens on, in the order they are fetched.</summary>
    public static string[] ListenedBy(DeviceClass device)
    {
        var own = device == DeviceClass.Cuda ? QueueTarget.Cuda : QueueTarget.Cpu;
        return Priorities.SelectMany(p => new[] { For(p, QueueTarget.Auto), For(p, own) }).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every training queue; a Hangfire server listening on none of them is not a training worker.</summary>
    public static IReadOnlyList<string> All { get; } =
        Priorities.SelectMany(p => new[] { QueueTarget.Auto, QueueTarget.Cpu, QueueTarget.Cuda }.Select(t => For(p, t))).ToArray();

    /// <summary>The device class of a Hangfire server from the queues it listens on; null for a server that trains nothing.</summary>
    public static DeviceClass? ClassOf(IEnumerable<string> queues)
    {
        var listened = queues.ToHashSet(StringComparer.Ordinal);
        if (Priorities.Any(p => listened.Contains(For(p, QueueTarget.Cuda)))) return DeviceClass.Cuda;
        if (Priorities.Any(p => listened.Contains(For(p, QueueTarget.Cpu)))) return DeviceClass.Cpu;
        return null;
    }

    public static bool TryParse(string queue, out JobPriority priority, out QueueTarget target)
    {
        foreach (var p in Priorities)
        {
            foreach (var t in new[] { QueueTarget.Auto, QueueTarget.Cpu, QueueTarget.Cuda })
            {
                if (string.Equals(queue, For(p, t), StringComparison.Ordinal))
                {
                    (priority, target) = (p, t);
                    return true;
                }
            }
        }
        (priority, target) = (JobPriority.Normal, QueueTarget.Auto);
        return false;
    }

    public static JobPriority ParsePriority(string? priority) => priority switch
    {
        null or "normal" => JobPriority.Normal,
        "high" => JobPriority.High,
        "low" => JobPriority.Low,
        _ => throw new ArgumentException($"Unknown priority '{priority}'; use high, normal or low.", nameof(priority)),
    };

    public static QueueTarget ParseTarget(string? device) => device switch
    {
        null or "auto" => QueueTarget.Auto,
        "cpu" => QueueTarget.Cpu,
        "cuda" => QueueTarget.Cuda,
        _ => throw new ArgumentException($"Unknown device '{device}'; use auto, cpu or cuda.", nameof(device)),
    };

    private static string Word(JobPriority priority) => priority switch
    {
        JobPriority.High => "high",
        JobPriority.Low => "low",
        _ => "normal",
    };

    private static string Word(QueueTarget target) => target switch
    {
        QueueTarget.Cpu => "cpu",
        QueueTarget.Cuda => "cuda",
        _ => "auto",
    };
}
