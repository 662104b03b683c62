namespace TrainingService.Core.Persistence;

/// <summary>The bounds on a job's tags and note, shared by the store and the Api's validation.</summary>
public static class JobLabels
{
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;
    public const int MaxNoteLength = 4000;
}
