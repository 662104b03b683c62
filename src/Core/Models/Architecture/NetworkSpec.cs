namespace TrainingService.Core.Models.Architecture;

/// <summary>A whole network: its root module and the input it is described for.</summary>
public sealed record NetworkSpec(string Name, ModuleSpec Root, InputShape Input);
