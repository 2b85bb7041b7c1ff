namespace Pure.Properties;

// One line per backend and element type puts it under the whole conformance suite.
public sealed class CpuFloatConformance() : BackendConformance<float>(new CpuBackend<float>());

public sealed class CpuDoubleConformance() : BackendConformance<double>(new CpuBackend<double>());

// the float kernels again with the products split over three threads (each test disposes its backend, so it has its own)
public sealed class CpuThreadedConformance() : BackendConformance<float>(new CpuBackend<float>(3));

// the OpenCL backend on the machine's first device (PoCL in CI), built once and shared: PoCL compiles a program in seconds
[Trait("Category", "OpenCl")]
public sealed class OpenClConformance() : BackendConformance<float>(Support.OpenClFixture.Backend, shared: true);
