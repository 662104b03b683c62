namespace TrainingService.PageLoad;

/// <summary>Each load of the two pages, and the epoch rows the job page showed last.</summary>
public sealed record PageLoadTimes(IReadOnlyList<PageLoadTime> JobsList, IReadOnlyList<PageLoadTime> JobPage, int EpochRowsShown);

/// <summary>
/// One load, in milliseconds from the navigation's start as the browser's own clock has it: the first byte of the
/// prerendered page (the Web's prerender and its reads through the Api), the first paint, the moment its first data (the
/// first selector waited for: a row) was on screen, the document's load event (the page and its scripts and styles),
/// the moment all its data was on screen; and how often its first data (a row)
/// went off screen again once shown, as when a circuit's first render replaces the prerendered rows with a placeholder.
/// </summary>
public sealed record PageLoadTime(double FirstByte, double FirstPaint, double FirstDataShown, double Loaded, double Shown, int DataLost);
