using Pure.Core.Tensors;

namespace Pure.Core.Training;

/// <summary>Classification metrics over predictions and labels.</summary>
public static class Metrics
{
    /// <summary>The class of each row: a 1-column output ≥ 0.5 is class 1, else the first largest column.</summary>
    public static int[] Classes(Matrix predictions) => Data.OneHot.Decode(predictions);

    /// <summary>The share of positions where <paramref name="predicted"/> equals <paramref name="actual"/>.</summary>
    public static double Accuracy(ReadOnlySpan<int> predicted, ReadOnlySpan<int> actual)
    {
        if (predicted.Length != actual.Length) throw new ArgumentException("prediction and label counts differ");
        if (predicted.Length == 0) return 0;
        var hits = 0;
        for (var i = 0; i < predicted.Length; i++) if (predicted[i] == actual[i]) hits++;
        return (double)hits / predicted.Length;
    }

    /// <summary>Accuracy of predictions against targets of the same shape (0/1 column, or one-hot rows).</summary>
    public static double Accuracy(Matrix predictions, Matrix targets) => Accuracy(Classes(predictions), Classes(targets));

    /// <summary>counts[actual, predicted].</summary>
    public static int[,] ConfusionMatrix(ReadOnlySpan<int> predicted, ReadOnlySpan<int> actual, int classes)
    {
        if (predicted.Length != actual.Length) throw new ArgumentException("prediction and label counts differ");
        var counts = new int[classes, classes];
        for (var i = 0; i < predicted.Length; i++) counts[actual[i], predicted[i]]++;
        return counts;
    }
}
