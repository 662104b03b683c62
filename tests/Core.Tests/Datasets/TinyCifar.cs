using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Cifar;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>
/// CIFAR-10's table entry with any record count accepted, and its six batch files plus class names
/// made small: each training file holds two records, the test file three.
/// </summary>
internal static class TinyCifar
{
    public static CifarDatasetDefinition Definition(string? archiveMd5 = null, params string[] urls) =>
        Cifar10Dataset.Definition with
        {
            RecordsPerFile = null,
            Archive = new DatasetArchive("cifar-10-binary.tar.gz", archiveMd5 ?? new string('0', 32), urls),
        };

    public static Dictionary<string, byte[]> Files()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["cifar-10-batches-bin/batches.meta.txt"] = CifarBytes.Meta(CifarBytes.ClassNames),
            ["cifar-10-batches-bin/test_batch.bin"] = CifarBytes.Records(9, 8, 7),
        };
        for (byte i = 1; i <= 5; i++)
        {
            files[$"cifar-10-batches-bin/data_batch_{i}.bin"] = CifarBytes.Records(i, (byte)(i - 1));
        }

        return files;
    }

    public static void WriteExtracted(TempFolder root, Dictionary<string, byte[]> files)
    {
        foreach (var (name, content) in files)
        {
            root.Write(Path.Combine("cifar10", name), content);
        }
    }
}
