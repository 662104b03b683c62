namespace TrainingService.Core;

/// <summary>Anchors the Core assembly for reflection-based registration (EF Core migrations, options).</summary>
public sealed class CoreAssemblyMarker;
