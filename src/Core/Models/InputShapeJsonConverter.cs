using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrainingService.Core.Models;

/// <summary>Reads an <see cref="InputShape"/> from "CxHxW" or [C, H, W]; writes "CxHxW", the form responses show.</summary>
public sealed class InputShapeJsonConverter : JsonConverter<InputShape>
{
    public override InputShape Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var shape = reader.TokenType switch
        {
            JsonTokenType.String => InputShape.TryParse(reader.GetString(), out var parsed) ? parsed : null,
            JsonTokenType.StartArray => ReadSizes(ref reader),
            _ => null,
        };
        // Without a message of its own the exception reads "could not be converted to InputShape", with the
        // field's path, as every other value of the wrong type does.
        return shape ?? throw new JsonException();
    }

    public override void Write(Utf8JsonWriter writer, InputShape value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }

    private static InputShape? ReadSizes(ref Utf8JsonReader reader)
    {
        var sizes = new List<int>(3);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var size)) return null;
            sizes.Add(size);
        }
        return InputShape.TryCreate(sizes, out var shape) ? shape : null;
    }
}
