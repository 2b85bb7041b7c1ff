namespace Pure.Properties;

// One line per backend and element type puts it under the whole conformance suite.
public sealed class CpuFloatConformance() : BackendConformance<float>(new CpuBackend<float>());

public sealed class CpuDoubleConformance() : BackendConformance<double>(new CpuBackend<double>());
