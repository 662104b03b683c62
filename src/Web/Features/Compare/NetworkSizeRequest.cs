using System.Globalization;
using System.Text.Json;
using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.Compare;

/// <summary>
/// What to ask the summary endpoints for a job's network: the zoo model or the custom layer list, the image shape that
/// reaches it and its classes. The shape is the job's dataset after the job's transforms, as the Api's input pipeline
/// makes it: channels and resize from <c>dataset.transforms</c>; without a resize, a zoo model's default size when it is
/// within the pipeline's implicit padding (MNIST's 28x28 to LeNet's 32x32); then each evaluation <c>Pad</c>.
/// </summary>
/// <param name="Model">The zoo model's name; <see langword="null"/> for a custom network.</param>
/// <param name="CustomLayers">The job's <c>model.custom</c>, for <c>POST /api/models/summary</c>.</param>
public sealed record NetworkSizeRequest(string? Model, JsonElement? CustomLayers, string InputShape, int NumClasses)
{
    /// <summary>The Api pads implicitly only by a small, even margin (its <c>InputPipeline.MaxImplicitPadding</c>).</summary>
    public const int MaxImplicitPadding = 4;

    /// <returns>The request, or <see langword="null"/> with <paramref name="reason"/> when the spec's dataset or model is unknown.</returns>
    public static NetworkSizeRequest? For(JsonElement spec, DatasetListDto datasets, IReadOnlyList<ModelDto> models, out string? reason)
    {
        reason = null;
        var model = Member(spec, "model");
        var dataset = Member(spec, "dataset");
        var transforms = dataset is { } d ? Member(d, "transforms") : null;
        if (Shape(dataset, datasets) is not { } image)
        {
            reason = $"the dataset {Text(dataset, "name") ?? "?"} is not one the Api lists";
            return null;
        }

        var custom = model is { } m && Member(m, "custom") is { ValueKind: JsonValueKind.Array } layers ? layers : (JsonElement?)null;
        var name = custom is null ? Text(model, "name") : null;
        var channels = Number(transforms, "channels") ?? image.Channels;
        var (height, width) = (image.Height, image.Width);
        if (transforms is { } t && Member(t, "resize") is { ValueKind: JsonValueKind.Array } resize && resize.GetArrayLength() == 2)
        {
            (height, width) = (resize[0].GetInt32(), resize[1].GetInt32());
        }
        else if (name is not null)
        {
            if (models.FirstOrDefault(z => z.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is not { } zoo)
            {
                reason = $"the model {name} is not in the zoo";
                return null;
            }

            if (DefaultSize(zoo) is { } size && PadsImplicitly(height, size.Height) && PadsImplicitly(width, size.Width))
            {
                (height, width) = size;
            }
        }
        else if (custom is null)
        {
            reason = "the spec names no model";
            return null;
        }

        foreach (var step in Steps(transforms, "eval"))
        {
            if (Text(step, "type") == "Pad" && Number(step, "padding") is { } padding)
            {
                height += 2 * padding;
                width += 2 * padding;
            }
        }

        var classes = Number(model, "numClasses") ?? image.ClassNames.Count;
        return new NetworkSizeRequest(name, custom, string.Create(CultureInfo.InvariantCulture, $"{channels}x{height}x{width}"), classes);
    }

    private static DatasetShapeDto? Shape(JsonElement? dataset, DatasetListDto datasets)
    {
        if (dataset is not { } spec)
        {
            return null;
        }

        var name = Text(spec, "name");
        if (Member(spec, "synthetic") is { ValueKind: JsonValueKind.Object } synthetic)
        {
            var classes = Number(synthetic, "numClasses") ?? 0;
            return new DatasetShapeDto(name ?? "synthetic", Number(synthetic, "channels") ?? 1, Number(synthetic, "height") ?? 0,
                Number(synthetic, "width") ?? 0, [.. Enumerable.Range(0, classes).Select(i => i.ToString(CultureInfo.InvariantCulture))]);
        }

        if (Text(spec, "id") is { } id && Guid.TryParse(id, out var uploadId))
        {
            return datasets.Uploaded.FirstOrDefault(u => u.Id == uploadId);
        }

        return datasets.BuiltIn.FirstOrDefault(b => b.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    private static (int Height, int Width)? DefaultSize(ModelDto model)
    {
        var sizes = model.DefaultInputShape.Split('x');
        return sizes.Length == 3
               && int.TryParse(sizes[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
               && int.TryParse(sizes[2], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            ? (height, width)
            : null;
    }

    private static bool PadsImplicitly(int from, int to) => to >= from && to - from <= MaxImplicitPadding && (to - from) % 2 == 0;

    private static IEnumerable<JsonElement> Steps(JsonElement? transforms, string split) =>
        transforms is { } t && Member(t, split) is { ValueKind: JsonValueKind.Array } steps ? steps.EnumerateArray() : [];

    private static JsonElement? Member(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private static string? Text(JsonElement? element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int? Number(JsonElement? element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;
}
