namespace Pure.Core.Optimisers;

public enum OptimiserKind
{
    Sgd,
    Momentum,
    Nesterov,
    Adam,
    AdamW,
}
