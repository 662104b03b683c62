using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace TrainingService.Web.Features.Shared;

/// <summary>
/// What a page read while it was prerendered, handed to the same page's interactive render. Without it the interactive
/// render starts empty: it replaces the prerendered rows with "Loading…" and reads everything again before it shows
/// them, so the data a person already sees blinks out for the length of the reads. With it the data stays on screen.
/// Nothing goes stale: the hub's first connect re-reads the page (<see cref="LivePageBase"/>), which covers whatever
/// changed between the prerender and the circuit's start.
/// The snapshot itself stays in this process (<see cref="PrerenderSnapshots"/>); only its token travels in the page's
/// persisted state, which Blazor protects with the app's data protection keys. Persisting the data there instead would
/// put a 300-epoch job's series into the page twice over and have the browser send it back when its circuit starts,
/// past the circuit's 32 KB message limit.
/// </summary>
public sealed class PrerenderHandoff(PersistentComponentState state, PrerenderSnapshots snapshots) : IDisposable
{
    private readonly Dictionary<string, PersistingComponentStateSubscription> offers = [];

    /// <summary>While prerendering: <paramref name="snapshot"/> is taken when the prerender ends and handed over.</summary>
    public void Offer<T>(string key, Func<T?> snapshot)
        where T : class
    {
        if (offers.ContainsKey(key))
        {
            return;
        }

        offers[key] = state.RegisterOnPersisting(() =>
        {
            if (snapshot() is { } value)
            {
                state.PersistAsJson(key, snapshots.Keep(value));
            }

            return Task.CompletedTask;
        }, RenderMode.InteractiveServer);
    }

    /// <summary>In the interactive render: what the prerender offered under <paramref name="key"/>, once.</summary>
    public bool TryTake<T>(string key, [NotNullWhen(true)] out T? snapshot)
        where T : class
    {
        snapshot = state.TryTakeFromJson<string>(key, out var token) && token is not null ? snapshots.Take<T>(token) : null;
        return snapshot is not null;
    }

    public void Dispose()
    {
        foreach (var offer in offers.Values)
        {
            offer.Dispose();
        }

        offers.Clear();
    }
}
