
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
}
