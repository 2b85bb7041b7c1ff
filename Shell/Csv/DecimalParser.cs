using System.Globalization;

namespace Pure.Shell.Csv;

/// <summary>
/// Plain decimal numbers in UTF-8 to float, correctly rounded, without the general parser for the common case: an
/// optional sign, at most 7 significant digits with an optional point, an optional exponent, whose value is
/// m·10^e with m &lt; 2²⁴ and |e| ≤ 10. Then m and 10^|e| are exact floats and one IEEE multiplication or
/// division rounds once, to the nearest float (Clinger 1990, the fast path, in single precision). Anything
/// else (more digits, "1e-30", "NaN", "∞") goes to <see cref="float.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out float)"/>:
/// the same bits either way.
/// </summary>
public static class DecimalParser
{
    static readonly float[] PowersOfTen = [1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f];

    public static bool TryParse(ReadOnlySpan<byte> utf8, out float value)
    {
        if (TryFast(utf8, out value)) return true;
        return float.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    static bool TryFast(ReadOnlySpan<byte> s, out float value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (i < s.Length && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
        uint mantissa = 0;
        var digits = 0; // significant digits kept in the mantissa
        var scale = 0;  // the power of ten the mantissa is multiplied by
        var any = false;
        for (; i < s.Length && (uint)(s[i] - '0') <= 9; i++, any = true)
            if (!Keep(ref mantissa, ref digits, s[i])) return false;
        if (i < s.Length && s[i] == '.')
            for (i++; i < s.Length && (uint)(s[i] - '0') <= 9; i++, any = true)
            {
                if (!Keep(ref mantissa, ref digits, s[i])) return false;
                scale--;
            }
        if (!any) return false;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            var negativeExponent = false;
            if (i < s.Length && (s[i] == '-' || s[i] == '+')) negativeExponent = s[i++] == '-';
            var exponent = 0;
            var start = i;
            for (; i < s.Length && (uint)(s[i] - '0') <= 9; i++)
                if ((exponent = exponent * 10 + (s[i] - '0')) > 100) return false;
            if (i == start) return false;
            scale += negativeExponent ? -exponent : exponent;
        }
        if (i != s.Length || mantissa >= 1u << 24) return false;
        if (mantissa == 0) scale = 0; // 0e99 is 0
        if (scale < -10 || scale > 10) return false;
        var m = (float)mantissa;
        var v = scale >= 0 ? m * PowersOfTen[scale] : m / PowersOfTen[-scale];
        // m·10^e ≥ 2²⁴ is still exact only when the product is: the multiplication rounds once, correctly, either way
        value = negative ? -v : v;
        return true;
    }

    /// <summary>Appends a digit; leading zeros cost nothing, an eighth significant digit sends the number to the general parser.</summary>
    static bool Keep(ref uint mantissa, ref int digits, byte c)
    {
        if (mantissa == 0 && c == '0') return true;
        if (++digits > 7) return false;
        mantissa = mantissa * 10 + (uint)(c - '0');
        return true;
    }
}
