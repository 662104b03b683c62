using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Identity;
using TrainingService.Core.Jobs;
using TrainingService.Core.Retention;
using TrainingService.Core.Sweeps;

namespace TrainingService.Core.Persistence;

/// <summary>The service's own tables (Hangfire keeps its tables in the schema <c>hangfire</c>).</summary>
public sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options) : DbContext(options)
{
    public DbSet<TrainingJob> Jobs => Set<TrainingJob>();
    public DbSet<EpochMetricsRecord> EpochMetrics => Set<EpochMetricsRecord>();
    public DbSet<CheckpointRecord> Checkpoints => Set<CheckpointRecord>();
    public DbSet<StepLossesRecord> StepLosses => Set<StepLossesRecord>();
    public DbSet<JobAttemptRecord> Attempts => Set<JobAttemptRecord>();
    public DbSet<WorkerRecord> Workers => Set<WorkerRecord>();
    public DbSet<UserRecord> Users => Set<UserRecord>();
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();
    public DbSet<DatasetOwnerRecord> DatasetOwners => Set<DatasetOwnerRecord>();
    public DbSet<SweepRecord> Sweeps => Set<SweepRecord>();
    public DbSet<SweepRungRecord> SweepRungs => Set<SweepRungRecord>();
    public DbSet<RetentionRunRecord> RetentionRuns => Set<RetentionRunRecord>();
    public DbSet<PendingFileDeletionRecord> PendingFileDeletions => Set<PendingFileDeletionRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TrainingJob>(job =>
        {
            job.ToTable("training_jobs");
            job.HasKey(j => j.Id);
            job.Property(j => j.Name).HasMaxLength(200);
            job.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
            job.Property(j => j.Spec).HasColumnType("jsonb").HasConversion(
                spec => JsonSerializer.Serialize(spec, JobSpecJson.Options),
                json => JsonSerializer.Deserialize<TrainingJobSpec>(json, JobSpecJson.Options)!);
            job.Property(j => j.Evaluation).HasColumnType("jsonb").HasConversion(
                evaluation => JsonSerializer.Serialize(evaluation, JobSpecJson.Options),
                json => JsonSerializer.Deserialize<Training.TestEvaluation>(json, JobSpecJson.Options));
            job.Property(j => j.WorkerName).HasMaxLength(200);
            job.Property(j => j.HangfireJobId).HasMaxLength(64);
            job.Property(j => j.StopRequest).HasConversion<string>().HasMaxLength(16);
            job.Property(j => j.StatusReason).HasMaxLength(1000);
            job.Property(j => j.Resolution).HasColumnType("jsonb").HasConversion(
                resolution => JsonSerializer.Serialize(resolution, JobResolutionJson.Options),
                json => JsonSerializer.Deserialize<JobResolution>(json, JobResolutionJson.Options));
            job.Property(j => j.StopReason).HasMaxLength(200);
            job.Property(j => j.Tags).HasColumnType("text[]").HasDefaultValueSql("ARRAY[]::text[]");
            job.Property(j => j.Note).HasMaxLength(JobLabels.MaxNoteLength);
            // Derived by PostgreSQL from the spec, its one owner, so that filters and sorts need no JSON at query time.
            job.Property(j => j.ModelName).HasMaxLength(200).HasComputedColumnSql("(\"Spec\" -> 'model' ->> 'name')", stored: true);
            job.Property(j => j.DatasetName).HasMaxLength(200).HasComputedColumnSql("(\"Spec\" -> 'dataset' ->> 'name')", stored: true);
            job.HasIndex(j => j.CreatedAt);
            job.HasIndex(j => j.Status);
            job.HasIndex(j => new { j.SweepId, j.TrialNumber });
            job.HasIndex(j => j.ModelName);
            job.HasIndex(j => j.DatasetName);
            job.HasIndex(j => j.Tags).HasMethod("gin");
            job.HasOne<SweepRecord>().WithMany().HasForeignKey(j => j.SweepId).OnDelete(DeleteBehavior.Restrict);
            job.HasIndex(j => new { j.OwnerId, j.CreatedAt });
            job.HasIndex(j => new { j.ApiKeyId, j.Status });
            job.HasOne<UserRecord>().WithMany().HasForeignKey(j => j.OwnerId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<EpochMetricsRecord>(metrics =>
        {
            metrics.ToTable("epoch_metrics");
            metrics.HasKey(m => new { m.JobId, m.Epoch });
            metrics.HasOne<TrainingJob>().WithMany().HasForeignKey(m => m.JobId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StepLossesRecord>(steps =>
        {
            steps.ToTable("step_losses");
            steps.HasKey(s => new { s.JobId, s.Epoch });
            steps.HasOne<TrainingJob>().WithMany().HasForeignKey(s => s.JobId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<JobAttemptRecord>(attempt =>
        {
            attempt.ToTable("job_attempts");
            attempt.HasKey(a => new { a.JobId, a.Attempt });
            attempt.Property(a => a.WorkerName).HasMaxLength(200);
            attempt.Property(a => a.EndReason).HasMaxLength(16);
            attempt.Property(a => a.Error).HasMaxLength(2000);
            attempt.HasOne<TrainingJob>().WithMany().HasForeignKey(a => a.JobId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CheckpointRecord>(checkpoint =>
        {
            checkpoint.ToTable("checkpoints");
            checkpoint.HasKey(c => new { c.JobId, c.Name });
            checkpoint.Property(c => c.Name).HasMaxLength(32);
            checkpoint.Property(c => c.Sha256).HasMaxLength(64);
            checkpoint.HasOne<TrainingJob>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<WorkerRecord>(worker =>
        {
            // No foreign keys to jobs: a worker's report must never fail because a job was deleted meanwhile.
            worker.ToTable("workers");
            worker.HasKey(w => w.Name);
            worker.Property(w => w.Name).HasMaxLength(200);
            worker.Property(w => w.Host).HasMaxLength(200);
            worker.Property(w => w.DeviceKind).HasMaxLength(8);
            worker.Property(w => w.DeviceName).HasMaxLength(200);
            worker.Property(w => w.Version).HasMaxLength(100);
            worker.Property(w => w.State).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<UserRecord>(user =>
        {
            user.ToTable("users");
            user.HasKey(u => u.Id);
            user.Property(u => u.Name).HasMaxLength(UserNameRules.MaxLength);
            user.HasIndex(u => u.Name).IsUnique();
            user.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<ApiKeyRecord>(key =>
        {
            key.ToTable("api_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Name).HasMaxLength(UserNameRules.KeyNameMaxLength);
            key.Property(k => k.Prefix).HasMaxLength(ApiKeySecret.PrefixLength);
            key.Property(k => k.Hash).HasMaxLength(64);
            key.HasIndex(k => k.Hash).IsUnique();
            key.HasIndex(k => k.UserId);
            key.HasOne<UserRecord>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DatasetOwnerRecord>(owner =>
        {
            owner.ToTable("dataset_owners");
            owner.HasKey(o => o.DatasetId);
            owner.HasIndex(o => new { o.ApiKeyId, o.CreatedAt });
            owner.HasIndex(o => o.OwnerId);
            owner.HasOne<UserRecord>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<SweepRecord>(sweep =>
        {
            sweep.ToTable("sweeps");
            sweep.HasKey(w => w.Id);
            sweep.Property(w => w.Name).HasMaxLength(200);
            sweep.Property(w => w.Status).HasConversion<string>().HasMaxLength(16);
            sweep.Property(w => w.Spec).HasColumnType("jsonb").HasConversion(
                spec => JsonSerializer.Serialize(spec, JobSpecJson.Options),
                json => JsonSerializer.Deserialize<SweepSpec>(json, JobSpecJson.Options)!);
            sweep.Property(w => w.StatusReason).HasMaxLength(1000);
            sweep.HasIndex(w => new { w.OwnerId, w.CreatedAt });
            sweep.HasIndex(w => w.Status);
            sweep.HasOne<UserRecord>().WithMany().HasForeignKey(w => w.OwnerId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<SweepRungRecord>(rung =>
        {
            rung.ToTable("sweep_rungs");
            rung.HasKey(r => new { r.SweepId, r.Rung, r.JobId });
            rung.HasIndex(r => r.JobId);
            rung.HasOne<SweepRecord>().WithMany().HasForeignKey(r => r.SweepId).OnDelete(DeleteBehavior.Cascade);
            rung.HasOne<TrainingJob>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RetentionRunRecord>(run =>
        {
            run.ToTable("retention_runs");
            run.HasKey(r => r.Id);
            run.Property(r => r.Host).HasMaxLength(200);
            run.Property(r => r.Note).HasMaxLength(2000);
            run.HasIndex(r => r.StartedAt);
        });
        modelBuilder.Entity<PendingFileDeletionRecord>(pending =>
        {
            // No foreign key: the job it names is deleted in the transaction that writes it.
            pending.ToTable("pending_file_deletions");
            pending.HasKey(p => p.Id);
            pending.Property(p => p.KeyPrefix).HasMaxLength(1000);
            pending.Property(p => p.LastError).HasMaxLength(2000);
        });
    }
}
