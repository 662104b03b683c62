using TrainingService.Core.Jobs;

namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// Turns rule violations into one exception for callers that build a recipe without going through
/// the API's validation first; the message lists every field with its reason.
/// </summary>
internal static class RecipeErrors
{
    public static void ThrowIfAny(ValidationErrors errors, string parameterName)
    {
        if (!errors.Any)
        {
            return;
        }
        var reasons = errors.ToDictionary().SelectMany(pair => pair.Value.Select(reason => $"{pair.Key} {reason}"));
        throw new ArgumentException(string.Join(" ", reasons), parameterName);
    }
}
