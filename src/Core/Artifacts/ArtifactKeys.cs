namespace TrainingService.Core.Artifacts;

/// <summary>How keys are spelled: '/'-separated segments under a top-level area, never '..', '\' or an empty segment.</summary>
public static class ArtifactKeys
{
    public const string Checkpoints = "checkpoints";
    public const string Datasets = "datasets";

    /// <summary>The key of a checkpoint file from its path relative to the checkpoint root (as checkpoint rows store it).</summary>
    public static string ForCheckpoint(string relativePath) => $"{Checkpoints}/{relativePath.Replace('\\', '/')}";

    /// <summary>The prefix of every file of one job's checkpoint folder.</summary>
    public static string CheckpointFolder(Guid jobId) => $"{Checkpoints}/{jobId:N}/";

    /// <summary>The key of a file under the dataset root, from its path relative to that root.</summary>
    public static string ForDataset(string relativePath) => $"{Datasets}/{relativePath.Replace('\\', '/')}";

    /// <exception cref="ArgumentException">The key is not of that form.</exception>
    public static void Validate(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var segments = key.Split('/');
        if (key.Contains('\\') || key.Contains('\0') || segments.Length < 2
            || segments.Any(s => s.Length == 0 || s is "." or ".."))
        {
            throw new ArgumentException($"'{key}' is not an artifact key: '/'-separated names under an area, like 'checkpoints/<job>/<file>'.", nameof(key));
        }
    }

    /// <exception cref="ArgumentException">The prefix holds '..', '\' or an empty segment before its last '/'.</exception>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var folders = prefix.Split('/')[..^1];
        if (prefix.Contains('\\') || prefix.Contains('\0') || folders.Any(s => s.Length == 0 || s is "." or ".."))
        {
            throw new ArgumentException($"'{prefix}' is not an artifact key prefix.", nameof(prefix));
        }
    }
}
