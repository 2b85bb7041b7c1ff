namespace Pure.Shell.Tour;

/// <summary>The tour's topics in the order they build on each other.</summary>
public static class Topics
{
    public static IReadOnlyList<ITourTopic> All { get; } =
    [
        new NeuronTopic(), new PerceptronTopic(), new XorTopic(), new NonlinearityTopic(), new ActivationsTopic(), new SoftmaxTopic(),
        new DyingReluTopic(), new VanishingTopic(), new CureTopic(), new InitTopic(), new UatTopic(), new DepthTopic(), new BoundaryTopic(),
        new BiasTopic(), new BackpropTopic(), new FeaturesTopic(),
    ];
}
