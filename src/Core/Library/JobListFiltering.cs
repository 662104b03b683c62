using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TrainingService.Contracts.Jobs;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Library;

/// <summary>The SQL of the job list: <see cref="JobListCriteria"/> as WHERE and ORDER BY clauses over the visible jobs.</summary>
internal static class JobListFiltering
{
    private const string LikeEscape = "\\";

    public static IQueryable<TrainingJob> Apply(IQueryable<TrainingJob> jobs, JobListCriteria criteria)
    {
        if (criteria.Statuses.Count > 0)
        {
            var statuses = criteria.Statuses.ToList();
            jobs = jobs.Where(j => statuses.Contains(j.Status));
        }
        if (criteria.Model is { } model)
        {
            var lowered = model.ToLowerInvariant();
            jobs = jobs.Where(j => j.ModelName.ToLower() == lowered);
        }
        if (criteria.Dataset is { } dataset)
        {
            var lowered = dataset.ToLowerInvariant();
            jobs = jobs.Where(j => j.DatasetName.ToLower() == lowered);
        }
        if (criteria.Tag is { } tag)
        {
            var lowered = tag.ToLowerInvariant();
            jobs = jobs.Where(j => j.Tags.Any(t => t.ToLower() == lowered));
        }
        if (criteria.Sweep is { } sweep)
        {
            jobs = jobs.Where(j => j.SweepId == sweep);
        }
        if (criteria.Text is { } text)
        {
            var pattern = $"%{EscapeLike(text)}%";
            jobs = jobs.Where(j => EF.Functions.ILike(j.Name, pattern, LikeEscape)
                || (j.Note != null && EF.Functions.ILike(j.Note, pattern, LikeEscape))
                || j.Tags.Any(t => EF.Functions.ILike(t, pattern, LikeEscape)));
        }
        return jobs;
    }

    /// <summary>Nulls sort last in both orders; ties fall to the newest job, then the id, so pages never overlap.</summary>
    public static IQueryable<JobRow> Order(IQueryable<JobRow> rows, JobListCriteria criteria)
    {
        var d = criteria.Descending;
        var ordered = criteria.Sort switch
        {
            JobListSort.Name => By(rows, r => r.Job.Name, d),
            JobListSort.Status => By(rows, r => r.Job.Status, d),
            JobListSort.Model => By(rows, r => r.Job.ModelName, d),
            JobListSort.Dataset => By(rows, r => r.Job.DatasetName, d),
            JobListSort.Owner => Then(rows.OrderBy(r => r.Owner == null), r => r.Owner, d),
            JobListSort.CreatedAt => By(rows, r => r.Job.CreatedAt, d),
            JobListSort.UpdatedAt => By(rows, r => r.Job.UpdatedAt, d),
            JobListSort.FinishedAt => Then(rows.OrderBy(r => r.Job.FinishedAt == null), r => r.Job.FinishedAt, d),
            JobListSort.Progress => By(rows, r => (double)r.Job.CurrentEpoch / r.Job.TotalEpochs, d),
            JobListSort.TestAccuracy => Then(rows.OrderBy(r => r.Job.TestAccuracy == null), r => r.Job.TestAccuracy, d),
            _ => By(rows, r => r.Job.Status == JobStatus.Running ? 0 : r.Job.Status == JobStatus.Paused ? 1 : r.Job.Status == JobStatus.Queued ? 2 : 3, d),
        };
        return ordered.ThenByDescending(r => r.Job.CreatedAt).ThenByDescending(r => r.Job.Id);
    }

    /// <summary>The pattern that matches <paramref name="text"/> literally: <c>%</c>, <c>_</c> and the escape itself are escaped.</summary>
    public static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    private static IOrderedQueryable<JobRow> By<TKey>(IQueryable<JobRow> rows, Expression<Func<JobRow, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    private static IOrderedQueryable<JobRow> Then<TKey>(IOrderedQueryable<JobRow> rows, Expression<Func<JobRow, TKey>> key, bool descending) =>
        descending ? rows.ThenByDescending(key) : rows.ThenBy(key);
}
