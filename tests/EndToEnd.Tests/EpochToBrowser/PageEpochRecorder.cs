using System.Text.Json;
using Microsoft.Playwright;

namespace TrainingService.EpochToBrowser;

/// <summary>
/// Records, inside the page, the moment each epoch row (<c>tr[data-epoch]</c> of the job page's epoch table) is
/// added to the document, with a MutationObserver installed before any of the page's own scripts run.
/// </summary>
public static class PageEpochRecorder
{
    // performance.timeOrigin + performance.now() is wall-clock time at sub-millisecond resolution, comparable with
    // PostgreSQL's commit timestamps on the same machine; Date.now() would round to the millisecond.
    private const string Script = """
        (() => {
          window.__epochArrivals = [];
          const note = node => {
            if (!(node instanceof Element)) return;
            const at = performance.timeOrigin + performance.now();
            const rows = node.matches('.epochs-table tr[data-epoch]') ? [node] : node.querySelectorAll('.epochs-table tr[data-epoch]');
            for (const row of rows) window.__epochArrivals.push({ epoch: Number(row.dataset.epoch), at });
          };
          new MutationObserver(records => {
            for (const record of records) for (const node of record.addedNodes) note(node);
          }).observe(document, { childList: true, subtree: true });
        })();
        """;

    public static Task InstallAsync(IPage page) => page.AddInitScriptAsync(Script);

    /// <summary>Every addition recorded so far, epoch by epoch, in the order they happened.</summary>
    public static async Task<IReadOnlyDictionary<int, List<double>>> ReadAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("() => window.__epochArrivals ?? []");
        var arrivals = new Dictionary<int, List<double>>();
        foreach (var arrival in json.EnumerateArray())
        {
            var epoch = arrival.GetProperty("epoch").GetInt32();
            if (!arrivals.TryGetValue(epoch, out var times)) arrivals[epoch] = times = [];
            times.Add(arrival.GetProperty("at").GetDouble());
        }
        return arrivals;
    }
}
