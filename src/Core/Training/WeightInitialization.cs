namespace TrainingService.Core.Training;

/// <summary>The initialisations a job may ask for; all but <see cref="Default"/> also zero the biases.</summary>
public static class WeightInitialization
{
    public const string Default = "default";
    public const string XavierUniform = "xavier_uniform";
    public const string XavierNormal = "xavier_normal";
    public const string KaimingUniform = "kaiming_uniform";
    public const string KaimingNormal = "kaiming_normal";
    public const string Normal = "normal";

    public static IReadOnlyList<string> All { get; } = [Default, XavierUniform, XavierNormal, KaimingUniform, KaimingNormal, Normal];
}
