namespace Pure.Properties.Support;

/// <summary>The tests' composition root: the backends the properties run on (stateless, so one of each serves every test).</summary>
public static class TestBackends
{
    public static readonly CpuBackend<float> Float = new();
    public static readonly CpuBackend<double> Double = new();
}
