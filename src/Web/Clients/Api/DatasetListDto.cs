namespace TrainingService.Web.Clients.Api;

/// <summary><c>GET /api/datasets</c>: the built-in datasets (picked by name) and the caller's uploads (picked by id).</summary>
public sealed record DatasetListDto(IReadOnlyList<DatasetShapeDto> BuiltIn, IReadOnlyList<DatasetShapeDto> Uploaded)
{
    public static DatasetListDto Empty { get; } = new([], []);
}

/// <summary>What the dashboard needs of a dataset: its image shape and classes. <see cref="Id"/> is set for uploads only.</summary>
public sealed record DatasetShapeDto(string Name, int Channels, int Height, int Width, IReadOnlyList<string> ClassNames)
{
    public Guid? Id { get; init; }
}
