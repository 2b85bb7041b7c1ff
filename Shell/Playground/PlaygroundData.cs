using System.Globalization;
using Pure.Shell.Cli;
using Pure.Shell.Csv;
using Pure.Shell.Recipes;

namespace Pure.Shell.Playground;

/// <summary>The points of a run: two raw coordinates and a target per row, from a generator or a dropped CSV.</summary>
public sealed record PlaygroundData(Matrix Raw, float[] Targets, bool Regression)
{
    /// <summary>The largest CSV the page may send.</summary>
    public const int MostCsvBytes = 1 << 20;

    /// <summary>The settings' generated dataset (the seed's data key decides the points).</summary>
    public static PlaygroundData Generate(PlaygroundSettings s)
    {
        var rng = Rng.FromSeed(s.Seed).Fold(0xDA7A);
        var n = s.Points;
        var d = s.Dataset switch
        {
            "circle" => Generators.Circles(n, s.Noise * 0.5, 0.5, rng),
            "gauss" => Generators.Blobs(n, 2, 0.3 + 1.2 * s.Noise, rng),
            "spiral" => Generators.Spirals(n / 2, 2, s.Noise * 0.5, rng),
            "moons" => Generators.Moons(n, 0.05 + s.Noise * 0.5, rng),
            "sine" => Generators.Surface(n, true, s.Noise * 0.5, rng),
            "plane" => Generators.Surface(n, false, s.Noise * 0.5, rng),
            _ => Generators.XorQuadrants(n, s.Noise * 0.5, rng),
        };
        return new PlaygroundData(d.Features, d.Targets.ToArray(), s.IsRegression);
    }

    /// <summary>
    /// A dropped CSV read by the CLI's own rules (header row, the label last, numbers in invariant culture; errors
    /// name the line and column): two numeric features and a label with two classes, or numbers for a regression.
    /// </summary>
    public static PlaygroundData FromCsv(string text, string name)
    {
        if (text.Length > MostCsvBytes) throw new CliException($"{name}: {text.Length:N0} bytes; the playground takes CSV files up to {MostCsvBytes:N0}");
        var folder = Path.Combine(Path.GetTempPath(), "pure-playground", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Path.GetFileName(name) is { Length: > 0 } f ? f : "data.csv");
        try
        {
            File.WriteAllText(path, text);
            var table = CsvTableReader.Read(path, null);
            if (table.Width != 2) throw new CliException($"{name}: {table.Width} feature columns; the playground draws two (x1, x2) and a label");
            var numeric = Recipes.Targets.AllNumbers(table.Labels) && table.Labels.Distinct().Count() > 2;
            var targets = Recipes.Targets.For(table, numeric ? LearningTask.Regression : LearningTask.Classification);
            if (!numeric && targets.ClassNames.Length != 2) throw new CliException($"{name}: {targets.ClassNames.Length} classes; the playground shows two");
            return new PlaygroundData(table.Features, targets.Values.ToArray(), numeric);
        }
        catch (CliException e)
        {
            // the message names the temporary copy; the user dropped a file of this name
            throw new CliException(e.Message.Replace(path, name, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The picked input features of raw points (x₁, x₂ and the products and sines the page offers), one column each.</summary>
    public static Matrix Features(Matrix raw, IReadOnlyList<string> picked)
    {
        var values = new float[raw.Rows * picked.Count];
        for (var r = 0; r < raw.Rows; r++)
        {
            double a = raw[r, 0], b = raw[r, 1];
            for (var j = 0; j < picked.Count; j++)
                values[r * picked.Count + j] = (float)(picked[j] switch
                {
                    "x1" => a,
                    "x2" => b,
                    "x1^2" => a * a,
                    "x2^2" => b * b,
                    "x1x2" => a * b,
                    "sin(x1)" => Math.Sin(a),
                    "sin(x2)" => Math.Sin(b),
                    var other => throw new ArgumentException($"unknown feature {other}"),
                });
        }
        return Matrix.From(raw.Rows, picked.Count, values).Match(m => m, e => throw new InvalidOperationException(e.Message));
    }

    /// <summary>The box the page draws: the points' range with 10 % to spare.</summary>
    public (double X0, double X1, double Y0, double Y1) Bounds()
    {
        double Min(int c) => Enumerable.Range(0, Raw.Rows).Min(r => Raw[r, c]);
        double Max(int c) => Enumerable.Range(0, Raw.Rows).Max(r => Raw[r, c]);
        var (px, py) = (0.1 * (Max(0) - Min(0) + 1e-6), 0.1 * (Max(1) - Min(1) + 1e-6));
        return (Min(0) - px, Max(0) + px, Min(1) - py, Max(1) + py);
    }

    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
