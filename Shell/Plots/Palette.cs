using ScottPlot;

namespace Pure.Shell.Plots;

/// <summary>
/// Series colours and marker shapes. Colours are Tableau's Category10 (distinct, and what matplotlib
/// readers expect); each series also gets its own marker shape so the chart still reads in grey print.
/// </summary>
static class Palette
{
    static readonly Color[] Colors = new ScottPlot.Palettes.Category10().Colors;

    static readonly MarkerShape[] Shapes =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp,
    ];

    public static Color Color(int index) => Colors[index % Colors.Length];

    public static MarkerShape Shape(int index) => Shapes[index % Shapes.Length];
}
