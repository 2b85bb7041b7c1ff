using System.CommandLine;
using System.Globalization;
using Pure.Shell.Cli;

namespace Pure.Shell.Commands;

/// <summary><c>pure generate moons --rows 500 --noise 0.2 --out data/moons.csv</c>: the core's generators as CSV files.</summary>
public static class GenerateCommand
{
    static readonly string[] Kinds = ["and", "or", "nand", "nor", "xor", "parity", "moons", "circles", "spirals", "blobs", "sine", "spam"];

    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = string.Join(", ", Kinds) };
        var rows = new Option<int>("--rows") { Description = "number of points (per class for spirals)", DefaultValueFactory = _ => 500 };
        var noise = new Option<double>("--noise") { Description = "Gaussian noise", DefaultValueFactory = _ => 0.2 };
        var bits = new Option<int>("--bits") { Description = "bits for parity", DefaultValueFactory = _ => 4 };
        var classes = new Option<int>("--classes") { Description = "classes for spirals and blobs", DefaultValueFactory = _ => 3 };
        var seed = new Option<long>("--seed") { DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out") { Description = "CSV file to write", Required = true };
        var command = new Command("generate", "Write one of the core's synthetic datasets as CSV") { kind, rows, noise, bits, classes, seed, output };
        command.SetAction(r =>
        {
            var name = r.GetValue(kind)!;
            var rng = Rng.FromSeed(r.GetValue(seed));
            var n = r.GetValue(rows);
            if (n < 1) throw new CliException($"--rows: must be at least 1, got {n}");
            AtomicFile.CheckTarget("--out", r.GetValue(output)!);
            Dataset data;
            try
            {
                data = name switch
                {
                    "and" => Generators.And(),
                    "or" => Generators.Or(),
                    "nand" => Generators.Nand(),
                    "nor" => Generators.Nor(),
                    "xor" => Generators.Xor(),
                    "parity" => Generators.Parity(r.GetValue(bits)),
                    "moons" => Generators.Moons(n, r.GetValue(noise), rng),
                    "circles" => Generators.Circles(n, r.GetValue(noise), 0.5, rng),
                    "spirals" => Generators.Spirals(n, r.GetValue(classes), r.GetValue(noise), rng),
                    "blobs" => Generators.Blobs(n, r.GetValue(classes), 1.0, rng),
                    "sine" => Generators.Sine(n, rng, r.GetValue(noise)),
                    "spam" => Generators.Spam(n, rng),
                    _ => throw new CliException($"generate: unknown kind '{name}' (one of {string.Join(", ", Kinds)})"),
                };
            }
            catch (OverflowException)
            {
                throw new CliException($"generate {name}: --rows {n} is more than a dataset can hold");
            }
            catch (ArgumentOutOfRangeException e)
            {
                // the generators check their arguments; here those are the user's options, named as the user wrote them
                var option = e.ParamName switch { "noise" => "--noise", "centers" or "classes" => "--classes", "bits" => "--bits", "n" => "--rows", _ => $"generate {name}" };
                var reason = System.Text.RegularExpressions.Regex.Replace(e.Message.ReplaceLineEndings(" "), @"\s*\(Parameter '.*$", "");
                reason = System.Text.RegularExpressions.Regex.Replace(reason, @"^\w+ \('[^']*'\) must be greater than or equal to '([^']*)'\.?$", "must be at least $1");
                throw new CliException($"{option}: {reason}, got {e.ActualValue}");
            }
            var header = name switch
            {
                "sine" => "x,y",
                "spam" => "words,has_link,spam",
                _ => string.Join(",", Enumerable.Range(1, data.Features.Cols).Select(i => $"x{i}").Append("label")),
            };
            AtomicFile.WriteAllText(r.GetValue(output)!, Csv(header, data, integerLabels: name != "sine"));
            return ExitCodes.Ok;
        });
        return command;
    }

    static string Csv(string header, Dataset data, bool integerLabels)
    {
        var text = new System.Text.StringBuilder(header).Append('\n');
        for (var r = 0; r < data.Rows; r++)
        {
            foreach (var v in data.Features.Row(r)) text.Append((v + 0f).ToString("R", CultureInfo.InvariantCulture)).Append(','); // + 0 turns −0 into 0
            var y = data.Targets[r, 0];
            text.Append(integerLabels ? ((int)y).ToString(CultureInfo.InvariantCulture) : y.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }
}
