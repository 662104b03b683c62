using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Events;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Persistence;

/// <summary>Sends an event with <c>pg_notify</c> on the context's connection, so it commits with the context's transaction.</summary>
public static class TrainingEventNotifier
{
    public static string Serialize(TrainingEvent trainingEvent) =>
        JsonSerializer.Serialize(trainingEvent, JobSpecJson.Options);

    public static TrainingEvent? Deserialize(string payload) =>
        JsonSerializer.Deserialize<TrainingEvent>(payload, JobSpecJson.Options);

    public static async Task NotifyAsync(this TrainingDbContext db, TrainingEvent trainingEvent, CancellationToken cancellationToken)
    {
        var payload = Serialize(trainingEvent);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({TrainingEvent.Channel}, {payload})", cancellationToken);
    }
}
