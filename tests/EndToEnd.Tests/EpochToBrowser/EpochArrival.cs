namespace TrainingService.EpochToBrowser;

/// <summary>
/// One epoch of the measured job: when its metric row committed (PostgreSQL's commit timestamp), when the Api's
/// EpochCompleted event reached a hub client, and every moment a row for it was added to the job page's epoch table.
/// All in milliseconds since the Unix epoch on this machine's clock, which the browser, PostgreSQL and the hub client share.
/// </summary>
public sealed record EpochArrival(int Epoch, double? CommittedAt, double? HubAt, IReadOnlyList<double> PageAt)
{
    /// <summary>Commit to the first time the page showed the epoch; null when either is missing.</summary>
    public double? CommitToPage => CommittedAt is { } committed && PageAt.Count > 0 ? PageAt[0] - committed : null;

    /// <summary>Commit to the hub event at a .NET client of the Api (the Worker's NOTIFY, the Api's listener and its broadcast).</summary>
    public double? CommitToHub => CommittedAt is { } committed && HubAt is { } hub ? hub - committed : null;

    /// <summary>The hub client's arrival to the page's: the Web's own hub client, its circuit's render and the browser.</summary>
    public double? HubToPage => HubAt is { } hub && PageAt.Count > 0 ? PageAt[0] - hub : null;
}
