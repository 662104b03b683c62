using System.Text.Json;

namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>Reads and writes <c>dataset.json</c>: camelCase JSON, every constructor member required on reading.</summary>
internal static class ImageFolderManifestFile
{
    public const string FileName = "dataset.json";

    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static void Write(string folder, ImageFolderManifest manifest) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(manifest, Options));

    /// <exception cref="InvalidDatasetFileException">The file is not a manifest of this format.</exception>
    public static ImageFolderManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        ImageFolderManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ImageFolderManifest>(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDatasetFileException(FileName, $"in {folder} is not a valid manifest: {e.Message}");
        }

        return manifest switch
        {
            null => throw new InvalidDatasetFileException(FileName, $"in {folder} holds null"),
            { FormatVersion: not ImageFolderManifest.CurrentFormatVersion } => throw new InvalidDatasetFileException(
                FileName, $"in {folder} has format version {manifest.FormatVersion}; this build reads {ImageFolderManifest.CurrentFormatVersion}"),
            _ => manifest,
        };
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
