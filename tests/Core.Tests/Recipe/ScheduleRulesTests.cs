using TrainingService.Core.Jobs;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Tests.Recipe;

public sealed class ScheduleRulesTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(ScheduleSpec spec, double baseRate = 0.1, int epochs = 10)
    {
        var errors = new ValidationErrors();
        ScheduleRules.Check(spec, baseRate, epochs, errors);
        return errors.ToDictionary();
    }

    [Fact]
    public void Each_refused_setting_is_named_with_its_field_and_reason()
    {
        Assert.Equal(["schedule.kind"], Errors(new ScheduleSpec("warm_restarts")).Keys);
        Assert.Equal(["is required."], Errors(new ScheduleSpec("step"))["schedule.stepSize"]);
        Assert.Equal(["schedule.gamma"], Errors(new ScheduleSpec("exponential")).Keys);
        Assert.Equal(["schedule.gamma"], Errors(new ScheduleSpec("step") { StepSize = 2, Gamma = 1.5 }).Keys);
        Assert.Equal(["schedule.milestones"], Errors(new ScheduleSpec("multistep") { Milestones = [5, 3] }).Keys);
        Assert.Contains("epoch m + 1", Errors(new ScheduleSpec("multistep") { Milestones = [3, 10] })["schedule.milestones"][0]);
        Assert.Equal(["schedule.warmupEpochs"], Errors(new ScheduleSpec("cosine") { WarmupEpochs = 10 }).Keys);
        Assert.Equal(["schedule.minRate"], Errors(new ScheduleSpec("cosine") { MinRate = 0.2 }).Keys);
        Assert.Equal(["schedule.pctStart"], Errors(new ScheduleSpec("onecycle") { PctStart = 1.5 }).Keys);
        Assert.Equal(["schedule.monitor", "schedule.factor", "schedule.thresholdMode"],
            Errors(new ScheduleSpec("reduce_on_plateau") { Monitor = "f1", Factor = 1, ThresholdMode = "percent" }).Keys);
        Assert.Equal(["schedule.mode"], Errors(new ScheduleSpec("reduce_on_plateau") { Mode = "up" }).Keys);
        Assert.Empty(Errors(new ScheduleSpec("multistep") { Milestones = [3, 9] }));
    }

    [Fact]
    public void Every_kind_is_accepted_with_its_defaults_where_it_needs_nothing_more()
    {
        foreach (var kind in new[] { "constant", "cosine", "onecycle", "reduce_on_plateau", " COSINE " })
        {
            Assert.Empty(Errors(new ScheduleSpec(kind)));
        }
    }
}
