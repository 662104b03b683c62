using TrainingService.Contracts.Jobs;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Library;

/// <summary>
/// Checks a <see cref="JobLabelsUpdate"/> and puts it in the form that is stored: tags trimmed, duplicates that differ
/// only in case merged into the first spelling, an empty note stored as none.
/// </summary>
public static class JobLabelRules
{
    public static JobLabelChange? Check(JobLabelsUpdate? update, ValidationErrors errors)
    {
        if (update is null)
        {
            errors.Add("$", "The request body must be an object with \"tags\" and/or \"note\".");
            return null;
        }
        var tags = update.Tags is null ? null : CheckTags(update.Tags, errors);
        var note = update.Note is null ? null : CheckNote(update.Note, errors);
        return errors.Any ? null : new JobLabelChange(tags, update.Note is not null, note);
    }

    private static List<string> CheckTags(IReadOnlyList<string> given, ValidationErrors errors)
    {
        var tags = new List<string>();
        for (var i = 0; i < given.Count; i++)
        {
            var field = $"tags[{i}]";
            var tag = given[i]?.Trim();
            if (string.IsNullOrEmpty(tag) || tag.Length > JobLabels.MaxTagLength)
            {
                errors.Add(field, $"must have 1 to {JobLabels.MaxTagLength} characters once trimmed.");
            }
            else if (tag.Any(char.IsControl))
            {
                errors.Add(field, "must not contain control characters.");
            }
            else if (!UnicodeText.IsWellFormed(tag))
            {
                errors.Add(field, "must be well-formed Unicode text.");
            }
            else if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }
        if (tags.Count > JobLabels.MaxTags)
        {
            errors.Add("tags", $"may hold at most {JobLabels.MaxTags} different tags; got {tags.Count}.");
        }
        return tags;
    }

    private static string? CheckNote(string given, ValidationErrors errors)
    {
        var note = given.Trim();
        if (note.Length > JobLabels.MaxNoteLength)
        {
            errors.Add("note", $"may have at most {JobLabels.MaxNoteLength} characters; got {note.Length}.");
        }
        // PostgreSQL text cannot hold NUL, and the other control characters are no part of a note; line breaks and tabs are.
        else if (note.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors.Add("note", "must not contain control characters other than line breaks and tabs.");
        }
        else if (!UnicodeText.IsWellFormed(note))
        {
            errors.Add("note", "must be well-formed Unicode text.");
        }
        return note.Length == 0 ? null : note;
    }
}
