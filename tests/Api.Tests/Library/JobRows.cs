using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Core.Jobs;
using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Tests.Library;

/// <summary>Job rows written straight into the Api's database, as the lifecycle would have left them, for list and retention tests.</summary>
internal static class JobRows
{
    /// <summary>The example job's spec, validated, with another model and dataset name (what the list filters on).</summary>
    public static TrainingJobSpec Spec(WebApplicationFactory<Program> api, string model = "lenet5", string dataset = "mnist")
    {
        var submission = JsonSerializer.Deserialize<JobSubmission>(JobSpecs.Valid().ToJsonString(), JobSpecJson.Options);
        var spec = api.Services.GetRequiredService<JobSpecValidator>().Validate(submission).Spec!;
        return spec with { Model = spec.Model with { Name = model }, Dataset = spec.Dataset with { Name = dataset } };
    }

    public static TrainingJob New(TrainingJobSpec spec, JobStatus status, DateTimeOffset createdAt, Guid? owner) => new()
    {
        Id = Guid.CreateVersion7(createdAt),
        Name = spec.Name,
        Spec = spec,
        Status = status,
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
        FinishedAt = JobStatusTransitions.IsTerminal(status) ? createdAt.AddMinutes(30) : null,
        TotalEpochs = spec.Hyperparameters.Epochs,
        OwnerId = owner,
    };

    public static async Task AddAsync(WebApplicationFactory<Program> api, IEnumerable<object> rows)
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }
}
