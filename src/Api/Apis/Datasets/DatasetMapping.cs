using TrainingService.Contracts.Datasets;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.ImageFolders;

namespace TrainingService.Api.Apis.Datasets;

/// <summary>Dataset descriptions to API resources.</summary>
internal static class DatasetMapping
{
    public static BuiltInDatasetResource ToResource(this DatasetInfo d) => new(
        d.Name, d.DisplayName, d.Channels, d.Height, d.Width, d.ClassNames, d.TrainCount, d.TestCount, d.Source);

    public static UploadedDatasetResource ToResource(this ImageFolderManifest m) => new(
        m.Id, m.Name, m.Created, m.ClassNames, m.Channels, m.Height, m.Width, m.TrainCount, m.TestCount, m.TestHeldOut, m.Mean, m.Std);
}
