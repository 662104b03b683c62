namespace TrainingService.Core.Identity;

/// <summary>Who uploaded an image folder, with which key, and how many bytes the upload was (the per-key upload limit sums them).</summary>
public sealed class DatasetOwnerRecord
{
    public Guid DatasetId { get; set; }
    public Guid OwnerId { get; set; }
    public Guid? ApiKeyId { get; set; }
    public long UploadBytes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
