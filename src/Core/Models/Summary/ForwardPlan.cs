namespace TrainingService.Core.Models.Summary;

/// <summary>
/// How a composite module's forward routes the tensor through its steps. A step with a name calls the
/// child registered under it; a step without one is a parameter-free functional op.
/// </summary>
internal abstract record ForwardPlan;
