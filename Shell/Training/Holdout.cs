using Pure.Shell.Cli;

namespace Pure.Shell.Training;

/// <summary>One seeded permutation cut into test, validation and training rows (in that order of the permutation).</summary>
public static class Holdout
{
    public static (int[] Train, int[] Validation, int[] Test) Split(int rows, double validation, double test, Rng rng, int[]? fixedTest = null)
    {
        if (fixedTest is not null)
        {
            // a dataset with its own test files: those are the test split; --val comes from the rest
            if (test > 0) throw new CliException("--test: this dataset brings its own test set");
            var isTest = new bool[rows];
            foreach (var i in fixedTest) isTest[i] = true;
            var rest = Enumerable.Range(0, rows).Where(i => !isTest[i]).ToArray();
            var (train, val, _) = Split(rest.Length, validation, 0, rng);
            return (train.Select(i => rest[i]).ToArray(), val.Select(i => rest[i]).ToArray(), fixedTest);
        }
        if (validation == 0 && test == 0) return (Enumerable.Range(0, rows).ToArray(), [], []);
        var order = rng.Permutation(rows);
        int Count(double fraction) => (int)Math.Round(fraction * rows, MidpointRounding.AwayFromZero);
        var (nTest, nVal) = (Count(test), Count(validation));
        if ((test > 0 && nTest < 1) || (validation > 0 && nVal < 1) || nTest + nVal >= rows)
            throw new CliException($"--val {validation} / --test {test} on {rows} rows leave {rows - nTest - nVal} for training, {nVal} for validation, {nTest} for testing");
        return (order[(nTest + nVal)..], order[nTest..(nTest + nVal)], order[..nTest]);
    }
}
