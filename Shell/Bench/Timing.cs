using System.Diagnostics;

namespace Pure.Shell.Bench;

/// <summary>Wall-clock medians: a warm-up run (so the JIT's final code is what is timed), then several timed runs.</summary>
public static class Timing
{
    public static double MedianSeconds(int rounds, Action run, int warmups = 1)
    {
        for (var i = 0; i < warmups; i++) run();
        var times = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            times[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return rounds % 2 == 1 ? times[rounds / 2] : (times[rounds / 2 - 1] + times[rounds / 2]) / 2;
    }
}
