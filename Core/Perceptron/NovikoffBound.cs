namespace Pure.Core.Perceptron;

/// <summary>
/// Novikoff's theorem (1962): if every augmented input x̃ = (x, 1) has ‖x̃‖ ≤ R and a unit vector w̃* = (w*, b*)
/// separates the data with margin γ &gt; 0, i.e. yᵢ(w̃*·x̃ᵢ) ≥ γ for labels yᵢ = ±1, then the perceptron started
/// from zero makes at most (R/γ)² mistakes, whatever its learning rate and row order. Any separating hyperplane
/// gives such a bound, the one the perceptron found included; the best is the one with the largest margin.
/// </summary>
public sealed record NovikoffBound(double Radius, double Margin)
{
    /// <summary>(R/γ)²; +∞ when the margin is not positive (the hyperplane does not separate: no bound).</summary>
    public double Bound => Margin > 0 ? Radius / Margin * (Radius / Margin) : double.PositiveInfinity;

    /// <summary>Whether the hyperplane measured puts every example strictly on its own side.</summary>
    public bool Separates => Margin > 0;
}
