using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Persistence;

/// <summary>
/// The NOTIFY channel that announces every heartbeat of a worker and its departure. The message carries
/// the whole row (a few hundred bytes), so listeners need not read it back.
/// </summary>
public static class WorkerChannel
{
    public const string Name = "worker_events";

    /// <summary><see cref="Worker"/> is null when the worker stopped and removed its row.</summary>
    public sealed record Message(string Name, WorkerRecord? Worker);

    public static Task NotifyAsync(this TrainingDbContext db, Message message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(message, JobSpecJson.Options);
        return db.Database.ExecuteSqlAsync($"SELECT pg_notify({Name}, {payload})", cancellationToken);
    }

    public static Message? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Message>(payload, JobSpecJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
