
namespace Pure.Shell.Training;

/// <summary>Inputs and targets evaluated after every epoch (training accuracy, validation loss and accuracy).</summary>
public sealed record EvaluationSet(Matrix Features, Matrix Targets, int[]? Classes);
