using System.Globalization;

namespace Pure.Shell.Tour;

/// <summary>Number formatting for the tour's tables (invariant culture).</summary>
static class Fmt
{
    public static string F(double v, int digits = 6) => v.ToString("F" + digits, CultureInfo.InvariantCulture);
    public static string G(double v, int digits = 5) => v.ToString("G" + digits, CultureInfo.InvariantCulture);
    public static string P(double v) => (v * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";
    public static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
}
