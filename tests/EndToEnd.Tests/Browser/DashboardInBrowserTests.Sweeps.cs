using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TrainingService.EndToEnd.Tests.Browser;

public sealed partial class DashboardInBrowserTests
{
    [SkippableFact]
    public async Task A_sweep_made_through_the_form_lands_on_its_page_with_the_leaderboard_and_the_plot_and_no_csp_violation()
    {
        var page = await OpenAsync();
        await page.ClickAsync("[data-nav-sweeps]");
        await Assertions.Expect(page.Locator($"[data-sweep-id='{StandInApi.KnownSweep}']")).ToContainTextAsync("lenet5 lr sweep", new() { Timeout = Patience });
        await AssertNoCspViolationAsync(page, "the sweeps list");

        await page.ClickAsync("[data-action=new-sweep]");
        var form = page.Locator("[data-sweep-form]");
        await Assertions.Expect(form).ToBeVisibleAsync(new() { Timeout = Patience });
        await page.FillAsync("[data-field=name]", "lr and batch");
        await page.FillAsync("tr[data-row='hyperparameters.learningRate'] [data-field=values]", "0.01, 0.1");
        await page.ClickAsync("[data-action=add-row]");
        var added = page.Locator("tr[data-row]").Nth(1);
        await added.Locator("[data-field=path]").FillAsync("hyperparameters.batchSize");
        await added.Locator("[data-field=values]").FillAsync("32, 64, 128");
        await Assertions.Expect(page.Locator("[data-grid-size]")).ToHaveTextAsync("Grid of 2 × 3 = 6 trials.");
        await page.CheckAsync("[data-field=asha]");
        await Assertions.Expect(page.Locator("[data-field=gracePeriod]")).ToHaveValueAsync("1");
        await Assertions.Expect(page.Locator("[data-field=reductionFactor]")).ToHaveValueAsync("4");
        await Assertions.Expect(page.Locator("[data-request-json]")).ToContainTextAsync("\"earlyStopping\"");
        await AssertNoCspViolationAsync(page, "the New sweep form");

        await page.ClickAsync("[data-action=submit]");

        await page.WaitForURLAsync(new Regex($"/sweeps/{StandInApi.KnownSweep}$"), new() { Timeout = Patience });
        var rows = page.Locator("[data-leaderboard] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3, new() { Timeout = Patience });
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-trial", "1");
        await Assertions.Expect(page.Locator("[data-trial='2'] [data-reason]").First).ToHaveTextAsync("stopped by ASHA at rung 1");
        await Assertions.Expect(page.Locator("[data-plot] svg.main-svg").First).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-plot] .scatterlayer .trace path.js-line")).ToHaveCountAsync(3, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-best-curves] svg").First).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-rungs] [data-decision=stopped]")).ToHaveCountAsync(1);
        await page.WaitForTimeoutAsync(1000);
        await AssertNoCspViolationAsync(page, "the sweep page");
        Assert.Empty(cspConsole);

        var sent = JsonDocument.Parse(Assert.Single(api.SweepSubmissions)).RootElement;
        Assert.Equal("lr and batch", sent.GetProperty("name").GetString());
        Assert.Equal([32, 64, 128], sent.GetProperty("parameters").GetProperty("hyperparameters.batchSize").GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(4, sent.GetProperty("earlyStopping").GetProperty("reductionFactor").GetInt32());
        Assert.Equal("lenet5", sent.GetProperty("base").GetProperty("model").GetProperty("name").GetString());
    }
}
