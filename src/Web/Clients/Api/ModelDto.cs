namespace TrainingService.Web.Clients.Api;

/// <summary>A zoo entry from <c>GET /api/models</c>: the input it is built for by default (<c>"3x224x224"</c>).</summary>
public sealed record ModelDto(string Name, string? Family, string DefaultInputShape, int DefaultClasses, long Parameters, long MultAdds);
