using System.Collections.Frozen;
using TrainingService.Core.Datasets;
using TrainingService.Core.Images;
using static TorchSharp.torch;

namespace TrainingService.Api.Apis.Jobs.Prediction;

/// <summary>
/// The multipart form of a prediction request. The whole form is checked (field names, file count, declared
/// sizes) before any file is read, and every file's header before any is decoded, so a request with a
/// decompression bomb or a thousand files costs no more than reading its form.
/// </summary>
internal static class PredictionFiles
{
    /// <summary>The part names accepted for image files: the documented one, the array form browsers and JS libraries send, and the usual single-file name.</summary>
    public static readonly FrozenSet<string> FileFields = FrozenSet.Create(StringComparer.Ordinal, PredictionInput.ImagesField, "images[]", "file");

    private const string UnnamedField = "form";

    public static async Task<List<(Tensor Pixels, string? Name)>> ReadAsync(
        HttpRequest request, DatasetInfo dataset, ImageLimits limits, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            errors[PredictionInput.ImagesField] = [$"could not be read: the multipart body is malformed or too large ({e.Message})."];
            return [];
        }

        foreach (var field in form.Keys.Concat(form.Files.Select(file => file.Name).Where(name => !FileFields.Contains(name))).Distinct())
        {
            errors[field.Length == 0 ? UnnamedField : field] =
                [$"is not a field of a prediction request; send the images as files named '{PredictionInput.ImagesField}'."];
        }
        if (form.Files.Count > PredictionInput.MaxImages)
        {
            errors[PredictionInput.ImagesField] = [PredictionInput.TooMany(form.Files.Count)];
        }
        if (errors.Count > 0)
        {
            return [];
        }

        var encoded = new List<(string Name, byte[] Bytes)>();
        for (var i = 0; i < form.Files.Count; i++)
        {
            var file = form.Files[i];
            var name = string.IsNullOrWhiteSpace(file.FileName) ? $"{PredictionInput.ImagesField}[{i}]" : file.FileName;
            if (file.Length > PredictionInput.MaxFileBytes)
            {
                errors[Field(i)] = [$"{name} is {file.Length} bytes; an image file may be at most {PredictionInput.MaxFileBytes} bytes."];
                continue;
            }
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, ct);
            }
            try
            {
                ImageDecoder.ReadHeader(name, bytes, limits);
                encoded.Add((name, bytes));
            }
            catch (InvalidImageException e)
            {
                errors[Field(i)] = [$"{e.Message}."];
            }
        }
        return errors.Count > 0 ? [] : Decode(encoded, dataset, limits, errors);
    }

    private static List<(Tensor Pixels, string? Name)> Decode(
        List<(string Name, byte[] Bytes)> encoded, DatasetInfo dataset, ImageLimits limits, Dictionary<string, string[]> errors)
    {
        var images = new List<(Tensor Pixels, string? Name)>();
        for (var i = 0; i < encoded.Count; i++)
        {
            try
            {
                images.Add((ImageDecoder.Decode(encoded[i].Name, encoded[i].Bytes, dataset.Channels, (dataset.Height, dataset.Width), limits), encoded[i].Name));
            }
            catch (InvalidImageException e)
            {
                errors[Field(i)] = [$"{e.Message}."];
            }
        }
        return images;
    }

    private static string Field(int index) => $"{PredictionInput.ImagesField}[{index}]";
}
