namespace Pure.Core.Training;

/// <summary>An evaluation-mode pass over a dataset: the mean loss, and the accuracy where the loss classifies.</summary>
public readonly record struct Evaluation(double Loss, double? Accuracy);
