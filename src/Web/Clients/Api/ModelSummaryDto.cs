namespace TrainingService.Web.Clients.Api;

/// <summary>The totals of a torchinfo-style summary (<c>GET /api/models/{name}/summary</c>, <c>POST /api/models/summary</c>).</summary>
public sealed record ModelSummaryDto(string Model, int Batch, string InputShape, long TotalParams, long TrainableParams, long TotalMultAdds);
