using TrainingService.Core.Jobs;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Tests.Recipe;

public sealed class OptimizerRulesTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(OptimizerSpec spec)
    {
        var errors = new ValidationErrors();
        OptimizerRules.Check(spec, errors, "hyperparameters.optimizer");
        return errors.ToDictionary();
    }

    [Fact]
    public void Nesterov_momentum_needs_a_momentum_and_no_dampening_as_in_torch()
    {
        var reason = "requires a momentum greater than 0 and a dampening of 0.";

        Assert.Equal([reason], Errors(new OptimizerSpec("sgd", 0.1) { Nesterov = true })["hyperparameters.optimizer.nesterov"]);
        Assert.Equal([reason], Errors(new OptimizerSpec("sgd", 0.1) { Nesterov = true, Momentum = 0.9, Dampening = 0.1 })["hyperparameters.optimizer.nesterov"]);
        Assert.Empty(Errors(new OptimizerSpec("sgd", 0.1) { Nesterov = true, Momentum = 0.9 }));
    }

    [Fact]
    public void Sgd_only_settings_are_refused_for_the_other_optimizers()
    {
        var errors = Errors(new OptimizerSpec("adam", 0.001) { Nesterov = true, Dampening = 0.5, Momentum = 0.9 });

        Assert.Equal(["hyperparameters.optimizer.nesterov", "hyperparameters.optimizer.dampening", "hyperparameters.optimizer.momentum"], errors.Keys);
        Assert.Equal(["applies to sgd and rmsprop only; adam takes beta1 and beta2."], errors["hyperparameters.optimizer.momentum"]);
        Assert.Empty(Errors(new OptimizerSpec("rmsprop", 0.01) { Momentum = 0.9 }));
    }

    [Fact]
    public void Out_of_range_numbers_are_named_field_by_field()
    {
        var errors = Errors(new OptimizerSpec("adamw", 0) { WeightDecay = -1, Beta1 = 1, Beta2 = double.NaN, Eps = -1e-8 });

        Assert.Equal(["hyperparameters.optimizer.learningRate", "hyperparameters.optimizer.weightDecay",
            "hyperparameters.optimizer.eps", "hyperparameters.optimizer.beta1", "hyperparameters.optimizer.beta2"], errors.Keys);
        Assert.Equal(["hyperparameters.optimizer.alpha"], Errors(new OptimizerSpec("rmsprop", 0.01) { Alpha = 1 }).Keys);
        Assert.Equal(["hyperparameters.optimizer.momentum"], Errors(new OptimizerSpec("sgd", 0.01) { Momentum = 1 }).Keys);
    }

    [Fact]
    public void An_unknown_optimizer_is_refused_listing_the_known_ones()
    {
        Assert.Equal(["'lbfgs' is not supported; use one of: sgd, adam, adamw, rmsprop."],
            Errors(new OptimizerSpec("lbfgs", 0.1))["hyperparameters.optimizer.name"]);
        Assert.Empty(Errors(new OptimizerSpec(" AdamW ", 0.001)));
    }

    [Fact]
    public void Left_out_weight_decay_takes_torchs_default_of_the_optimizer()
    {
        Assert.Equal(0.01, new OptimizerSpec("adamw", 0.001).EffectiveWeightDecay);
        Assert.Equal(0, new OptimizerSpec("adam", 0.001).EffectiveWeightDecay);
        Assert.Equal(0.5, new OptimizerSpec("adamw", 0.001) { WeightDecay = 0.5 }.EffectiveWeightDecay);
    }
}
