using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Identity;

/// <summary>
/// The PostgreSQL channel a revocation is announced on, in the revoking transaction, so that every Api instance drops
/// the keys it has authenticated recently rather than serving a revoked one from memory.
/// </summary>
public static class KeyRevocationChannel
{
    public const string Name = "key_revocations";

    internal static Task NotifyAsync(TrainingDbContext db, Guid keyOrUserId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_notify({Name}, {keyOrUserId.ToString("D")})", cancellationToken);
}
