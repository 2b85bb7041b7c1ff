using Pure.Core.Backends.OpenCl;

namespace Pure.Properties.Support;

/// <summary>
/// The OpenCL device the tests run on (the first platform's first device: PoCL on the CPU in CI), opened once per
/// process, since PoCL compiles a program in seconds. Null, with the reason, where the machine has no platform.
/// </summary>
public static class OpenClFixture
{
    static readonly Lazy<(OpenClContext? Context, string Reason)> Opened = new(() =>
        OpenClContext.Create().Match(c => (c, ""), e => ((OpenClContext?)null, e.Message)));

    public static OpenClContext Context => Opened.Value.Context ?? throw new InvalidOperationException(Opened.Value.Reason);

    /// <summary>Why the OpenCL tests skip here, or null when a device is there.</summary>
    public static string? Missing => Opened.Value.Context is null ? Opened.Value.Reason : null;

    static readonly Lazy<OpenClGemm> Gemms = new(() => OpenClGemm.Build(Context).Match(g => g, e => throw new InvalidOperationException(e.Message)));

    public static OpenClGemm Gemm => Gemms.Value;

    static readonly Lazy<OpenClActivations> ActivationKernels = new(() => OpenClActivations.Build(Context).Match(a => a, e => throw new InvalidOperationException(e.Message)));

    public static OpenClActivations Activations => ActivationKernels.Value;

    static readonly Lazy<OpenClBackend> Backends = new(() => OpenClBackend.Create().Match(b => b, e => throw new InvalidOperationException(e.Message)));

    /// <summary>The whole backend on the device, built once and shared by the tests (never disposed by one).</summary>
    public static OpenClBackend Backend => Backends.Value;
}

/// <summary>A fact that runs where an OpenCL platform exists and is reported skipped, with the reason, where none does.</summary>
public sealed class OpenClFactAttribute : FactAttribute
{
    public OpenClFactAttribute()
    {
        if (OpenClFixture.Missing is { } reason) Skip = reason;
    }
}

/// <summary>The theory form of <see cref="OpenClFactAttribute"/>.</summary>
public sealed class OpenClTheoryAttribute : TheoryAttribute
{
    public OpenClTheoryAttribute()
    {
        if (OpenClFixture.Missing is { } reason) Skip = reason;
    }
}
