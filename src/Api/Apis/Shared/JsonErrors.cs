using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingService.Core.Models;

namespace TrainingService.Api.Apis.Shared;

/// <summary>Turns a System.Text.Json failure into a field path and a reason a person can act on.</summary>
internal static partial class JsonErrors
{
    /// <param name="exception">What System.Text.Json threw.</param>
    /// <param name="body">
    /// The type the body was read as. System.Text.Json names the type that holds a bad value rather than the
    /// value's own, so the field's type, and with it the form the value must take, is looked up along the path.
    /// </param>
    /// <param name="forms">
    /// What a field must be, by path with list indices written <c>[]</c> (<c>layers[]</c>), where its type alone
    /// says too little, such as a range; <c>$</c> is the body itself.
    /// </param>
    public static Dictionary<string, string[]> Describe(JsonException exception, Type? body = null, IReadOnlyDictionary<string, string>? forms = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var field = exception.Path is null or "$" ? "$" : exception.Path.TrimStart('$', '.');
        var message = exception.Message;
        var reason = message.Contains("could not be mapped", StringComparison.Ordinal) ? "is not a known field."
            : message.Contains("could not be converted", StringComparison.Ordinal) ? Expected(field, body, forms)
            : exception.LineNumber is { } line ? $"is not valid JSON (line {line + 1}, byte {exception.BytePositionInLine + 1})."
            : "is not valid JSON.";
        return new Dictionary<string, string[]> { [field] = [reason] };
    }

    private static string Expected(string field, Type? body, IReadOnlyDictionary<string, string>? forms)
    {
        if (forms is not null && forms.TryGetValue(ListIndex().Replace(field, "[]"), out var form)) return form;
        var type = body is null ? null : FieldType(body, field);
        if (type is null) return "has a value of the wrong type.";
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) ? "must be a string."
            : type == typeof(bool) ? "must be true or false."
            : type == typeof(int) || type == typeof(long) ? "must be a whole number."
            : type == typeof(double) || type == typeof(float) ? "must be a number."
            : type == typeof(InputShape) ? $"must be {InputShape.ExpectedForm}."
            : ElementType(type) is not null ? "must be an array."
            : type.IsClass ? "must be an object."
            : "has a value of the wrong type.";
    }

    /// <summary>The type of the member a path such as <c>layers[0].out</c> names, or null where the path leaves the type.</summary>
    private static Type? FieldType(Type body, string field)
    {
        if (field == "$") return body;
        Type? type = body;
        foreach (var segment in field.Split('.'))
        {
            var name = segment.Split('[')[0];
            if (name.Length > 0)
            {
                type = type?.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            }
            for (var i = 0; i < segment.Count(c => c == '['); i++) type = type is null ? null : ElementType(type);
        }
        return type;
    }

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ListIndex();
}
