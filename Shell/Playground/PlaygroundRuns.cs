using System.Collections.Concurrent;

namespace Pure.Shell.Playground;

/// <summary>
/// The server's runs, one per browser tab, and their controls. At most <see cref="MostRuns"/> live at once; a run
/// whose tab has not listened for <see cref="Idle"/> is ended (a closed tab stops listening). Each run gets a
/// backend of its own from <paramref name="backends"/> (the composition root's choice).
/// </summary>
public sealed class PlaygroundRuns(Func<IBackend<float>> backends, int mostRuns = PlaygroundRuns.MostRuns, TimeSpan? idle = null)
{
    /// <summary>A fresh backend for a new run.</summary>
    public IBackend<float> NewBackend() => backends();

    public const int MostRuns = 4;
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(60);

    readonly TimeSpan idleLimit = idle ?? Idle;
    readonly ConcurrentDictionary<string, Entry> runs = new();
    readonly Lock gate = new();

    /// <summary>A run and what its tab asked for; the tab's event stream trains it.</summary>
    public sealed class Entry(PlaygroundRun run)
    {
        public PlaygroundRun Run { get; } = run;
        public volatile bool Playing;
        public int PendingSteps;
        public DateTime LastSeen = DateTime.UtcNow;
        public int Listeners;
        public readonly Lock Training = new();
    }

    public int Count => runs.Count;

    /// <summary>How many runs may live at once.</summary>
    public int Limit => mostRuns;

    /// <summary>Adds a run, or null when <see cref="MostRuns"/> are live (the caller says so to the page).</summary>
    public string? Add(Func<PlaygroundRun> make)
    {
        lock (gate)
        {
            Sweep();
            if (runs.Count >= mostRuns) return null;
            var id = Guid.NewGuid().ToString("N");
            runs[id] = new Entry(make());
            return id;
        }
    }

    public Entry? Find(string id)
    {
        if (!runs.TryGetValue(id, out var entry)) return null;
        entry.LastSeen = DateTime.UtcNow;
        return entry;
    }

    public bool Remove(string id)
    {
        if (!runs.TryRemove(id, out var entry)) return false;
        lock (entry.Training) entry.Run.Dispose();
        return true;
    }

    /// <summary>Ends the runs nobody has listened to for the idle time.</summary>
    public void Sweep()
    {
        var now = DateTime.UtcNow;
        foreach (var (id, entry) in runs)
            if (Volatile.Read(ref entry.Listeners) == 0 && now - entry.LastSeen > idleLimit) Remove(id);
    }

    public void Clear()
    {
        foreach (var id in runs.Keys) Remove(id);
    }
}
