namespace TrainingService.PageLoad;

/// <summary>Each load of the two pages, and the epoch rows the job page showed last.</summary>
public sealed record PageLoadTimes(IReadOnlyList<PageLoadTime> JobsList, IReadOnlyList<PageLoadTime> JobPage, int EpochRowsShown);

/// <summary>Milliseconds from a navigation's start to the document's load event (the prerendered page and its scripts), and to its data on screen.</summary>
public sealed record PageLoadTime(double Loaded, double Shown);
