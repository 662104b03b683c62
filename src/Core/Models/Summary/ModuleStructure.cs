using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Summary;

/// <summary>A composite module: its children in registration order (the state-dict order) and its forward.</summary>
internal sealed record ModuleStructure(IReadOnlyList<KeyValuePair<string, ModuleSpec>> Children, ForwardPlan Forward);
