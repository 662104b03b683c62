using System.Security.Cryptography;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Training.Resume;

namespace TrainingService.Faults.Harness;

/// <summary>
/// Whether every checkpoint a job's rows name is whole: the file exists with the row's size and
/// SHA-256, it parses (a state dict for best and last, a training checkpoint for training), and its
/// download through the Api hashes to the <c>X-Checksum-Sha256</c> header, which is the row's.
/// </summary>
public sealed record CheckpointAudit(IReadOnlyList<string> Checked, IReadOnlyList<string> Problems, IReadOnlyList<string> StrayFiles)
{
    /// <summary>No row names a missing, torn or mismatched file (a job that committed nothing yet has no rows, which is whole too).</summary>
    public bool Whole => Problems.Count == 0;

    public static async Task<CheckpointAudit> RunAsync(Fleet fleet, Guid jobId)
    {
        var rows = await fleet.Store.CheckpointsAsync(jobId);
        var problems = new List<string>();
        var checkedNames = new List<string>();
        foreach (var row in rows)
        {
            var path = Path.Combine(fleet.CheckpointRoot, row.RelativePath);
            var label = $"{row.Name} ({row.RelativePath})";
            checkedNames.Add($"{row.Name}@e{row.Epoch}");
            if (!File.Exists(path))
            {
                problems.Add($"{label}: the file is missing");
                continue;
            }
            var length = new FileInfo(path).Length;
            if (length != row.SizeBytes) problems.Add($"{label}: {length} bytes, the row says {row.SizeBytes}");
            await using (var file = File.OpenRead(path))
            {
                var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file));
                if (sha != row.Sha256) problems.Add($"{label}: SHA-256 {sha}, the row says {row.Sha256}");
            }
            if (await ParseProblemAsync(row.Name, path) is { } parse) problems.Add($"{label}: {parse}");

            var download = await fleet.Jobs.DownloadAsync(jobId, row.Name);
            if (download is null) problems.Add($"{label}: the Api answers 404");
            else if (download.HeaderSha256 != download.Sha256 || download.Sha256 != row.Sha256)
            {
                problems.Add($"{label}: download hashes to {download.Sha256}, X-Checksum-Sha256 {download.HeaderSha256}, row {row.Sha256}");
            }
        }
        var referenced = rows.Select(r => Path.GetFullPath(Path.Combine(fleet.CheckpointRoot, r.RelativePath))).ToHashSet();
        var folder = fleet.CheckpointFolder(jobId);
        var stray = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => !referenced.Contains(Path.GetFullPath(f))).Select(Path.GetFileName).OfType<string>().ToList()
            : [];
        return new CheckpointAudit(checkedNames, problems, stray);
    }

    private static async Task<string?> ParseProblemAsync(string name, string path)
    {
        try
        {
            if (name == "training")
            {
                var content = await new TrainingCheckpointFile().ReadAsync(path, CancellationToken.None);
                return content.Model.Count > 0 ? null : "a training checkpoint without weights";
            }
            await using var file = File.OpenRead(path);
            return new PthReader().Read(file).Count > 0 ? null : "a state dict without tensors";
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever the reader throws on a torn file is the finding, not a failure of the audit.
            return $"does not parse: {exception.Message}";
        }
    }
}
