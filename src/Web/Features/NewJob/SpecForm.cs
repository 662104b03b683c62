using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingService.Contracts.Jobs;
using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Features.NewJob;

/// <summary>
/// What the New job page's inputs share: the draft they edit, the Api's last answer on it (its problems placed by
/// field, and the spec with its defaults, which the inputs show as placeholders) and the page's reaction to an edit.
/// </summary>
public sealed class SpecForm(SpecDraft draft, Action changed)
{
    private SpecDraft? filled;

    public SpecDraft Draft { get; } = draft;

    public FieldProblems Problems { get; private set; } = FieldProblems.None;

    /// <summary>The Api's answer for the draft as it was at <see cref="CheckedVersion"/>; kept while later edits are checked.</summary>
    public JobValidationResource? Validation { get; private set; }

    /// <summary>The draft version <see cref="Problems"/> and <see cref="Validation"/> describe; -1 before the first answer.</summary>
    public int CheckedVersion { get; private set; } = -1;

    public bool IsChecked => CheckedVersion == Draft.Version;

    public bool IsValid => IsChecked && !Problems.Any && Validation is not null;

    public void Set(string path, JsonNode? value)
    {
        Draft.Set(path, value);
        changed();
    }

    /// <summary>Lets a picker or list editor change several fields as one edit.</summary>
    public void Edit(Action<SpecDraft> edit)
    {
        edit(Draft);
        changed();
    }

    /// <summary>What the Api would use for a field left empty, from its last accepted spec.</summary>
    public string DefaultOf(string path) => filled?.Text(path) ?? "";

    public void Accept(int version, JobValidationResource validation)
    {
        CheckedVersion = version;
        Validation = validation;
        Problems = FieldProblems.None;
        filled = validation.Spec.ValueKind == JsonValueKind.Object ? SpecDraft.From(JsonNode.Parse(validation.Spec.GetRawText())!.AsObject()) : null;
    }

    public void Refuse(int version, IReadOnlyDictionary<string, string[]> errors)
    {
        CheckedVersion = version;
        Problems = FieldProblems.Place(errors, NewJobFields.Paths(Draft));
    }
}
