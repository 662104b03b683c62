namespace TrainingService.Core.Jobs;

/// <summary>Checks <c>dataset.transforms</c>.</summary>
internal static class TransformRules
{
    public const int MaxImageSide = 1024;
    private const string Prefix = "dataset.transforms";

    public static readonly NumberRange Probability = new(0, 1);

    /// <summary>Pixels reach normalisation scaled to [0, 1]; a mean far outside or a std near 0 would blow the inputs up.</summary>
    public static readonly NumberRange Mean = new(-10, 10);
    public static readonly NumberRange Std = new(0.001, 10);

    public static void Check(InputTransformsSpec? transforms, ValidationErrors errors)
    {
        if (transforms is null) return;
        if (transforms.Resize is { } resize && (resize.Count != 2 || resize.Any(side => side is < 1 or > MaxImageSide)))
            errors.Add($"{Prefix}.resize", $"must be [height, width], each between 1 and {MaxImageSide}.");
        if (transforms.Channels is { } channels && channels is not (1 or 3))
            errors.Add($"{Prefix}.channels", "must be 1 or 3 (3 replicates a grey channel).");
        CheckSteps(transforms.Train, "train", errors);
        CheckSteps(transforms.Eval, "eval", errors);
        var kind = transforms.Normalize ?? NormalizationKinds.Dataset;
        if (!NormalizationKinds.All.Contains(kind))
            errors.Add($"{Prefix}.normalize", $"must be one of: {string.Join(", ", NormalizationKinds.All)}.");
        var custom = kind == NormalizationKinds.Custom;
        if (custom != (transforms.Mean is not null) || custom != (transforms.Std is not null))
            errors.Add($"{Prefix}.mean", "mean and std are given together, and only with normalize 'custom'.");
        else if (custom && transforms.Mean!.Count != transforms.Std!.Count)
            errors.Add($"{Prefix}.std", "needs one value per mean, one per channel.");
        else if (custom)
        {
            CheckEach(transforms.Mean!, Mean, "mean", errors);
            CheckEach(transforms.Std!, Std, "std", errors);
        }
    }

    private static void CheckEach(IReadOnlyList<float> values, NumberRange range, string member, ValidationErrors errors)
    {
        for (var index = 0; index < values.Count; index++)
        {
            range.Check(values[index], $"{Prefix}.{member}[{index}]", errors);
        }
    }

    private static void CheckSteps(IReadOnlyList<TransformStepSpec>? steps, string split, ValidationErrors errors)
    {
        for (var index = 0; index < (steps?.Count ?? 0); index++)
        {
            var step = steps![index];
            var field = $"{Prefix}.{split}[{index}]";
            if (!TransformStepSpec.Types.Contains(step.Type ?? ""))
                errors.Add($"{field}.type", $"must be one of: {string.Join(", ", TransformStepSpec.Types)}.");
            else if (split == "eval" && step.IsRandom)
                errors.Add($"{field}.type", $"{step.Type} is augmentation; it applies to training batches only.");
            if (step.Type is TransformStepSpec.Pad or TransformStepSpec.RandomCrop && step.Padding is null or < 0 or > MaxImageSide)
                errors.Add($"{field}.padding", "is required and must be between 0 and 1024.");
            if (step.Type is TransformStepSpec.RandomCrop && step.Size is null or < 1 or > MaxImageSide)
                errors.Add($"{field}.size", "is required and must be between 1 and 1024.");
            if (step.Type is TransformStepSpec.RandomHorizontalFlip)
                Probability.Check(step.P, $"{field}.p", errors);
        }
    }
}
