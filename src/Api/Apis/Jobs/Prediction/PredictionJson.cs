using System.Text.Json;
using TrainingService.Api.Apis.Shared;
using TrainingService.Core.Datasets;
using static TorchSharp.torch;

namespace TrainingService.Api.Apis.Jobs.Prediction;

/// <summary>The JSON form of a prediction request: exactly <c>{"images": [ ... ]}</c> with 1 to <see cref="PredictionInput.MaxImages"/> pixel arrays.</summary>
internal static class PredictionJson
{
    public static async Task<List<(Tensor Pixels, string? Name)>> ReadAsync(
        HttpRequest request, DatasetInfo dataset, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            foreach (var (field, reasons) in JsonErrors.Describe(e)) errors[field] = reasons;
            return [];
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException)
        {
            errors["$"] = [$"could not be read ({e.Message})."];
            return [];
        }

        using (document)
        {
            return Images(document.RootElement, errors) is { } list ? Read(list, dataset, errors) : [];
        }
    }

    private static JsonElement? Images(JsonElement root, Dictionary<string, string[]> errors)
    {
        var field = PredictionInput.ImagesField;
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = [$"must be an object: {{\"{field}\": [...]}}."];
            return null;
        }

        JsonElement? images = null;
        foreach (var property in root.EnumerateObject())
        {
            if (!property.Name.Equals(field, StringComparison.OrdinalIgnoreCase))
            {
                errors[property.Name] = [$"is not a known field; the body holds only \"{field}\"."];
            }
            else if (images is not null)
            {
                errors[field] = ["is given more than once."];
            }
            else
            {
                images = property.Value;
            }
        }

        var form = $"must be an array of 1 to {PredictionInput.MaxImages} images, each nested arrays of 0-255 pixel values.";
        if (images is not { } list)
        {
            errors.TryAdd(field, [$"is required: {form}"]);
        }
        else if (list.ValueKind != JsonValueKind.Array)
        {
            errors.TryAdd(field, [form]);
        }
        else if (list.GetArrayLength() is 0 or > PredictionInput.MaxImages)
        {
            errors.TryAdd(field, [list.GetArrayLength() == 0 ? form : PredictionInput.TooMany(list.GetArrayLength())]);
        }
        return errors.Count > 0 ? null : images;
    }

    private static List<(Tensor Pixels, string? Name)> Read(JsonElement list, DatasetInfo dataset, Dictionary<string, string[]> errors)
    {
        var images = new List<(Tensor Pixels, string? Name)>();
        var index = 0;
        foreach (var image in list.EnumerateArray())
        {
            if (PixelArrays.TryRead(image, dataset, out var pixels, out var reason)) images.Add((pixels!, null));
            else errors[$"{PredictionInput.ImagesField}[{index}]"] = [reason];
            index++;
        }
        return images;
    }
}
