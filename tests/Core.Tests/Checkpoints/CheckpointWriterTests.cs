using System.Security.Cryptography;
using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

public sealed class CheckpointWriterTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"checkpoint-tests-{Guid.NewGuid():N}");

    [Fact]
    public async Task Writing_creates_the_folder_and_reports_the_final_size_and_sha256()
    {
        var path = Path.Combine(folder, "run-1", "weights.pth");
        var tensors = SampleStateDicts.EveryTypeAndShape();

        var file = await new CheckpointWriter().WriteAsync(path, tensors, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(new CheckpointFile(Path.GetFullPath(path), bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), file);
        Assert.Equal(PthBytes.Write(tensors), bytes);
        Assert.Equal(["weights.pth"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Writing_over_an_existing_checkpoint_replaces_it()
    {
        var path = Path.Combine(folder, "weights.pth");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(path, "old");

        await new CheckpointWriter().WriteAsync(path, [SampleStateDicts.Floats("w", [2])], CancellationToken.None);

        StateTensorAssert.Equal([SampleStateDicts.Floats("w", [2])], PthBytes.Read(await File.ReadAllBytesAsync(path)));
    }

    [Fact]
    public async Task A_failed_write_leaves_neither_a_checkpoint_nor_a_temporary_file()
    {
        var path = Path.Combine(folder, "weights.pth");
        var duplicated = new[] { SampleStateDicts.Floats("w", [2]), SampleStateDicts.Floats("w", [2]) };

        await Assert.ThrowsAsync<ArgumentException>(() => new CheckpointWriter().WriteAsync(path, duplicated, CancellationToken.None));

        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task A_cancelled_write_leaves_no_files()
    {
        var path = Path.Combine(folder, "weights.pth");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new CheckpointWriter().WriteAsync(path, [SampleStateDicts.Floats("w", [2])], new CancellationToken(canceled: true)));

        Assert.Empty(Directory.GetFiles(folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
