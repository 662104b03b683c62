using System.Text.Json;
using Microsoft.Playwright;

namespace TrainingService.EpochToBrowser;

/// <summary>
/// Records, inside the page, the moment each epoch row (<c>tr[data-epoch]</c> of the job page's epoch table) is
/// added to the document, with a MutationObserver installed before any of the page's own scripts run. Blazor inserts a
/// new table piece by piece (section, table, body, row), each a mutation record of its own, so a row element counts once
/// however many of its ancestors arrive after it; a row removed and drawn again is a new element and counts again.
/// </summary>
public static class PageEpochRecorder
{
    // performance.timeOrigin + performance.now() is wall-clock time at sub-millisecond resolution, comparable with
    // PostgreSQL's commit timestamps on the same machine; Date.now() would round to the millisecond.
    private const string Script = """
        (() => {
          window.__epochArrivals = [];
          const seen = new WeakSet();
          const note = node => {
            if (!(node instanceof Element)) return;
            const at = performance.timeOrigin + performance.now();
            const rows = node.matches('.epochs-table tr[data-epoch]') ? [node] : node.querySelectorAll('.epochs-table tr[data-epoch]');
            for (const row of rows) {
              if (seen.has(row)) continue;
              seen.add(row);
              window.__epochArrivals.push({ epoch: Number(row.dataset.epoch), at });
            }
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
