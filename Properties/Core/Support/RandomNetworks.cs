
namespace Pure.Properties.Support;

/// <summary>Generated architectures: Serial stacks of depth 1–5, widths 1–16, any activation, PReLU, dropout, softmax.</summary>
public static class RandomNetworks
{
    // Step is excluded: its derivative is 0 and finite differences across its jump are not a derivative.
    static readonly Activation[] Smooth = Activation.All.Where(a => a != Activation.Step).ToArray();

    public static (Layer Layer, int InputWidth, string Description) Stack(Rng rng)
    {
        var depth = 1 + rng.Below(0, 5);
        var input = 1 + rng.Below(1, 16);
        var layers = new List<Layer>();
        for (var i = 0; i < depth; i++)
        {
            var k = rng.Fold((ulong)i + 10);
            layers.Add(Layers.Dense(1 + k.Below(0, 16), Inits.Normal(0.7), Inits.Normal(0.3)));
            layers.Add(k.Below(1, 8) switch
            {
                0 => Layers.PRelu(),
                1 => Layers.Dropout(0.3),
                2 => Layers.Softmax(0.5 + k.Uniform(2) * 2),
                _ => Layers.Activation(Smooth[k.Below(3, Smooth.Length)]),
            });
        }
        var layer = Layers.Serial(layers);
        return (layer, input, $"{input} → {layer.Name}");
    }

    /// <summary>
    /// Stacks of the deep-network blocks (issue 14), depth 1–5, widths 1–16: residual blocks around generated
    /// stacks (projected where the widths differ, and sometimes where they do not), layer and batch norms, dropout, and the
    /// plain dense-then-activation blocks.
    /// </summary>
    public static (Layer Layer, int InputWidth, string Description) Deep(Rng rng)
    {
        var depth = 1 + rng.Below(0, 5);
        var input = 1 + rng.Below(1, 16);
        var layers = new List<Layer>();
        var width = input;
        for (var i = 0; i < depth; i++)
        {
            var k = rng.Fold((ulong)i + 20);
            switch (k.Below(0, 6))
            {
                // ε = 0.01 rather than 10⁻⁵: a norm after a saturated tanh on 3 rows can see a variance near 0, where
                // 1/√(σ² + ε) makes the finite difference itself inaccurate (the layers' own properties use 10⁻⁵)
                case 0:
                    layers.Add(Layers.LayerNorm(0.01));
                    break;
                case 5:
                    layers.Add(Layers.BatchNorm(0.01));
                    break;
                case 1:
                    layers.Add(Layers.Dropout(0.3));
                    break;
                case 2:
                    var units = 1 + k.Below(1, 16);
                    layers.Add(Layers.Dense(units, Inits.Normal(0.7), Inits.Normal(0.3)));
                    layers.Add(Layers.Activation(Smooth[k.Below(2, Smooth.Length)]));
                    width = units;
                    break;
                default:
                    var (body, _, _) = Stack(k.Fold(3));
                    var planned = Network.Build(body, width).ThrowIfFail().OutputWidth;
                    layers.Add(Layers.Residual(body, project: planned != width || k.Below(4, 4) == 0));
                    width = planned;
                    break;
            }
        }
        var layer = Layers.Serial(layers);
        return (layer, input, $"{input} → {layer.Name}");
    }
}
