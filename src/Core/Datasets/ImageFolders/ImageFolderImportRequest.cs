namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>What a user says about an upload besides its files.</summary>
/// <param name="Name">Display name of the dataset.</param>
/// <param name="Resize">Size every image is resized to (bilinear) on import; without it all images must share one size.</param>
/// <param name="Seed">Seeds the choice of the 20% held out as the test split when the upload has no <c>test/</c> folder.</param>
public sealed record ImageFolderImportRequest(string Name, (int Height, int Width)? Resize = null, long Seed = 0);
