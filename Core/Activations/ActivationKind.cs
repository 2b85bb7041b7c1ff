namespace Pure.Core.Activations;

/// <summary>The elementwise activations every backend implements (forward and derivative).</summary>
public enum ActivationKind
{
    Identity,
    Step,
    Sigmoid,
    Tanh,
    Relu,
    LeakyRelu,
    Elu,
    Gelu,
    GeluTanh,
    Silu,
    Softplus,
}
