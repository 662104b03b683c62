namespace TrainingService.Web.Features.JobDetails;

/// <summary>One colour per split across all charts, so "orange" always means validation.</summary>
public static class ChartColors
{
    public const string Train = "#2563eb";
    public const string Validation = "#ea580c";
    public const string Batch = "#7c3aed";

    // Neutral grey: a resume marker is about the run, not about either split.
    public const string Resume = "#64748b";

    // Train at low opacity: the min-max band must not hide the mean drawn over it.
    public const string TrainRange = "rgba(37, 99, 235, 0.2)";
}
