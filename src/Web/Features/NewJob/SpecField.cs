namespace TrainingService.Web.Features.NewJob;

/// <summary>How an input reads and writes its field.</summary>
public enum FieldKind
{
    Integer,
    Number,
    Text,
    Flag,
    Choice,
    IntegerList,
    NumberList,
}

/// <summary>One input of the form: the spec field it edits (as the Api names it), its label and its kind.</summary>
/// <param name="Choices">For <see cref="FieldKind.Choice"/>: the values offered; empty leaves the field out.</param>
public sealed record SpecField(string Path, string Label, FieldKind Kind, IReadOnlyList<string>? Choices = null, string? Hint = null);

/// <summary>A titled group of inputs.</summary>
public sealed record SpecSection(string Title, IReadOnlyList<SpecField> Fields);

/// <summary>A member of a list row (a custom layer, a transform step), by its JSON name.</summary>
public sealed record RowMember(string Name, FieldKind Kind, IReadOnlyList<string>? Choices = null);
