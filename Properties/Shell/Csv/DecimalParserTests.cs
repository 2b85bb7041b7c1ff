using System.Globalization;
using System.Text;
using Pure.Properties.Support;
using Pure.Shell.Csv;

namespace Pure.Properties;

/// <summary>Issue 12: the CSV reader's fast decimal path gives float.Parse's bits (correct rounding) for every string, or defers to it.</summary>
public class DecimalParserTests
{
    static void SameAsTheGeneralParser(string text)
    {
        var expectedOk = float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected);
        var ok = DecimalParser.TryParse(Encoding.UTF8.GetBytes(text), out var actual);
        Assert.True(expectedOk == ok, $"'{text}': float.TryParse {expectedOk}, DecimalParser {ok}");
        if (ok) Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual), $"'{text}': {expected:R} expected, {actual:R} parsed");
    }

    /// <summary>Strings of the fast path's grammar and just outside it: signs, leading and trailing zeros, points at either end, exponents, 1 to 9 digits.</summary>
    [SeededProperty]
    public void Generated_decimals_parse_to_the_bits_float_Parse_gives(Seed seed)
    {
        var rng = seed.Rng;
        for (var k = 0UL; k < 200; k++)
        {
            var b = new StringBuilder();
            ulong n = k * 32;
            string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(j => (char)('0' + rng.Below(n + 10 + (ulong)j, 10))));
            b.Append(rng.Below(n, 4) switch { 0 => "-", 1 => "+", _ => "" });
            b.Append(Digits(rng.Below(n + 1, 6)));
            if (rng.Below(n + 2, 3) > 0) b.Append('.').Append(Digits(rng.Below(n + 3, 8)));
            if (rng.Below(n + 4, 3) == 0) b.Append(rng.Below(n + 5, 2) == 0 ? 'e' : 'E').Append(rng.Below(n + 6, 3) switch { 0 => "-", 1 => "+", _ => "" }).Append(rng.Below(n + 7, 14));
            SameAsTheGeneralParser(b.ToString());
        }
    }

    /// <summary>Random floats as they are written: shortest round-trip, fixed 6 decimals (the bench's file), 9 significant digits, scientific.</summary>
    [SeededProperty]
    public void Written_floats_read_back_as_float_Parse_reads_them(Seed seed)
    {
        var rng = seed.Rng;
        for (var k = 0UL; k < 100; k++)
        {
            var v = (float)(rng.Normal(k) * Math.Pow(10, rng.Below(k + 1000, 9) - 4));
            foreach (var format in new[] { "R", "F6", "G9", "E3", "F0", "G3" }) SameAsTheGeneralParser(v.ToString(format, CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.0e5")]
    [InlineData("0e99")]
    [InlineData("16777216")]
    [InlineData("9999999")]
    [InlineData("0.1")]
    [InlineData("1e10")]
    [InlineData("1e-10")]
    [InlineData("9999999e10")]
    [InlineData("1.5e-45")]
    [InlineData("3.4028235e38")]
    [InlineData("3.5e38")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData(".")]
    [InlineData("+")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("e5")]
    [InlineData("1..2")]
    [InlineData("1.2.3")]
    [InlineData("0x10")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    [InlineData("1,5")]
    [InlineData("١")]
    [InlineData("1e1000")]
    [InlineData("00000000000000000000001")]
    [InlineData("0.000000000000000000001")]
    public void Edge_cases_match_float_Parse(string text) => SameAsTheGeneralParser(text);
}
