
namespace Pure.Properties;

public class MetricsTests
{
    [Fact]
    public void Classes_accuracy_and_confusion_matrix()
    {
        var probabilities = Matrix.FromRows([[0.7f, 0.2f, 0.1f], [0.1f, 0.3f, 0.6f], [0.2f, 0.5f, 0.3f], [0.4f, 0.4f, 0.2f]]).ThrowIfFail();
        var predicted = Metrics.Classes(probabilities);
        Assert.Equal([0, 2, 1, 0], predicted);
        int[] actual = [0, 2, 2, 1];
        Assert.Equal(0.5, Metrics.Accuracy(predicted, actual));
        var confusion = Metrics.ConfusionMatrix(predicted, actual, 3);
        Assert.Equal(1, confusion[0, 0]);
        Assert.Equal(1, confusion[1, 0]);
        Assert.Equal(1, confusion[2, 1]);
        Assert.Equal(1, confusion[2, 2]);
        Assert.Equal(4, confusion.Cast<int>().Sum());
        Assert.Equal([1, 0, 1], Metrics.Classes(Matrix.Column([0.5f, 0.49f, 0.9f])));
    }
}
