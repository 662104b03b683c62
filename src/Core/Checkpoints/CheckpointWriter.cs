using System.Security.Cryptography;

namespace TrainingService.Core.Checkpoints;

/// <summary>
/// Saves a .pth file so that readers only ever see a complete file: write a temporary sibling,
/// flush it to disk, then rename it over the target (a rename within one folder is atomic).
/// </summary>
public sealed class CheckpointWriter(PthWriter? pthWriter = null)
{
    private readonly PthWriter pthWriter = pthWriter ?? new PthWriter();

    public async Task<CheckpointFile> WriteAsync(string path, IReadOnlyList<StateTensor> tensors, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        var target = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.tmp-{RandomNumberGenerator.GetHexString(12, lowercase: true)}";
        try
        {
            ct.ThrowIfCancellationRequested();
            CheckpointFile result;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await Task.Run(() => pthWriter.Write(file, tensors), ct);
                file.Flush(flushToDisk: true);
                file.Position = 0;
                var hash = await SHA256.HashDataAsync(file, ct);
                result = new CheckpointFile(target, file.Length, Convert.ToHexStringLower(hash));
            }

            ct.ThrowIfCancellationRequested();
            File.Move(temporary, target, overwrite: true);
            return result;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
