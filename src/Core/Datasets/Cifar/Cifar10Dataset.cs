namespace TrainingService.Core.Datasets.Cifar;

/// <summary>
/// CIFAR-10, binary version. The archive's URL and MD5 are those the dataset's authors publish on
/// https://www.cs.toronto.edu/~kriz/cifar.html (download table, "CIFAR-10 binary version (suitable for
/// C programs)"); torchvision's cifar.py lists only the python version (MD5 c58f30108f718f92721af3b95e74349a),
/// so it cannot vouch for this one. Mean and std are those of the training pixels scaled to [0, 1].
/// </summary>
public static class Cifar10Dataset
{
    public const string Name = "cifar10";

    public const int OfficialRecordsPerFile = 10_000;

    /// <summary>A fresh table entry per call, so no caller can alter another's arrays.</summary>
    public static CifarDatasetDefinition Definition => new(
        new DatasetInfo(
            Name,
            "CIFAR-10",
            Channels: CifarBinaryFile.Channels,
            Height: CifarBinaryFile.Side,
            Width: CifarBinaryFile.Side,
            ClassNames: ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"],
            TrainCount: 5 * OfficialRecordsPerFile,
            TestCount: OfficialRecordsPerFile,
            Mean: [0.4914f, 0.4822f, 0.4465f],
            Std: [0.2470f, 0.2435f, 0.2616f],
            Source: "A. Krizhevsky, V. Nair, G. Hinton, https://www.cs.toronto.edu/~kriz/cifar.html"),
        new DatasetArchive(
            "cifar-10-binary.tar.gz",
            "c32a1d4ab5d03f1284b67883e8d87530",
            ["https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"]),
        BatchesFolder: "cifar-10-batches-bin",
        TrainFiles: ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"],
        TestFile: "test_batch.bin",
        MetaFile: "batches.meta.txt",
        RecordsPerFile: OfficialRecordsPerFile);
}
