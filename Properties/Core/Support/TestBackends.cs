namespace Pure.Properties.Support;

/// <summary>The tests' composition root: the backends the properties run on (no state between calls, so one of each serves every test).</summary>
public static class TestBackends
{
    public static readonly CpuBackend<float> Float = new();
    public static readonly CpuBackend<double> Double = new();

    /// <summary>Float on three threads: its products split over a caller and two workers.</summary>
    public static readonly CpuBackend<float> Threaded = new(3);
}
