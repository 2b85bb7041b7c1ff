// Port of fdlibm s_erf.c 5.1 93/09/24 (Sun Microsystems 1993); its notice, preserved as it asks:
/*
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */

namespace Pure.Core.Activations;

/// <summary>
/// The error function erf and its complement erfc, which .NET lacks: a faithful port of Sun's fdlibm
/// <c>s_erf.c</c> (rational approximations on |x| &lt; 0.84375, &lt; 1.25, &lt; 1/0.35, &lt; 6 for erf and
/// &lt; 28 for erfc; the asymptotic form <c>exp(-x² - 0.5625 + R/S) / x</c> beyond 1.25), with the published
/// coefficients. Errors are below one ulp in fdlibm's analysis.
/// </summary>
/// <remarks>
/// Special cases: erf(±∞) = ±1, erfc(+∞) = 0, erfc(-∞) = 2, and NaN gives NaN.
/// Identities: erf(-x) = -erf(x), erfc(-x) = 2 - erfc(x), erf(x) + erfc(x) = 1.
/// </remarks>
public static class Erf
{
    const double Tiny = 1e-300;
    const double Half = 5.00000000000000000000e-01; // 0x3FE00000, 0x00000000
    const double One = 1.00000000000000000000e+00;  // 0x3FF00000, 0x00000000
    const double Two = 2.00000000000000000000e+00;  // 0x40000000, 0x00000000

    // c = (float)0.84506291151
    const double Erx = 8.45062911510467529297e-01; // 0x3FEB0AC1, 0x60000000

    // Coefficients for approximation to erf on [0, 0.84375].
    const double Efx = 1.28379167095512586316e-01;  // 0x3FC06EBA, 0x8214DB69
    const double Efx8 = 1.02703333676410069053e+00; // 0x3FF06EBA, 0x8214DB69
    const double Pp0 = 1.28379167095512558561e-01;  // 0x3FC06EBA, 0x8214DB68
    const double Pp1 = -3.25042107247001499370e-01; // 0xBFD4CD7D, 0x691CB913
    const double Pp2 = -2.84817495755985104766e-02; // 0xBF9D2A51, 0xDBD7194F
    const double Pp3 = -5.77027029648944159157e-03; // 0xBF77A291, 0x236668E4
    const double Pp4 = -2.37630166566501626084e-05; // 0xBEF8EAD6, 0x120016AC
    const double Qq1 = 3.97917223959155352819e-01;  // 0x3FD97779, 0xCDDADC09
    const double Qq2 = 6.50222499887672944485e-02;  // 0x3FB0A54C, 0x5536CEBA
    const double Qq3 = 5.08130628187576562776e-03;  // 0x3F74D022, 0xC4D36B0F
    const double Qq4 = 1.32494738004321644526e-04;  // 0x3F215DC9, 0x221C1A10
    const double Qq5 = -3.96022827877536812320e-06; // 0xBED09C43, 0x42A26120

    // Coefficients for approximation to erf in [0.84375, 1.25].
    const double Pa0 = -2.36211856075265944077e-03; // 0xBF6359B8, 0xBEF77538
    const double Pa1 = 4.14856118683748331666e-01;  // 0x3FDA8D00, 0xAD92B34D
    const double Pa2 = -3.72207876035701323847e-01; // 0xBFD7D240, 0xFBB8C3F1
    const double Pa3 = 3.18346619901161753674e-01;  // 0x3FD45FCA, 0x805120E4
    const double Pa4 = -1.10894694282396677476e-01; // 0xBFBC6398, 0x3D3E28EC
    const double Pa5 = 3.54783043256182359371e-02;  // 0x3FA22A36, 0x599795EB
    const double Pa6 = -2.16637559486879084300e-03; // 0xBF61BF38, 0x0A96073F
    const double Qa1 = 1.06420880400844228286e-01;  // 0x3FBB3E66, 0x18EEE323
    const double Qa2 = 5.40397917702171048937e-01;  // 0x3FE14AF0, 0x92EB6F33
    const double Qa3 = 7.18286544141962662868e-02;  // 0x3FB2635C, 0xD99FE9A7
    const double Qa4 = 1.26171219808761642112e-01;  // 0x3FC02660, 0xE763351F
    const double Qa5 = 1.36370839120290507362e-02;  // 0x3F8BEDC2, 0x6B51DD1C
    const double Qa6 = 1.19844998467991074170e-02;  // 0x3F888B54, 0x5735151D

    // Coefficients for approximation to erfc in [1.25, 1/0.35].
    const double Ra0 = -9.86494403484714822705e-03; // 0xBF843412, 0x600D6435
    const double Ra1 = -6.93858572707181764372e-01; // 0xBFE63416, 0xE4BA7360
    const double Ra2 = -1.05586262253232909814e+01; // 0xC0251E04, 0x41B0E726
    const double Ra3 = -6.23753324503260060396e+01; // 0xC04F300A, 0xE4CBA38D
    const double Ra4 = -1.62396669462573470355e+02; // 0xC0644CB1, 0x84282266
    const double Ra5 = -1.84605092906711035994e+02; // 0xC067135C, 0xEBCCABB2
    const double Ra6 = -8.12874355063065934246e+01; // 0xC0545265, 0x57E4D2F2
    const double Ra7 = -9.81432934416914548592e+00; // 0xC023A0EF, 0xC69AC25C
    const double Sa1 = 1.96512716674392571292e+01;  // 0x4033A6B9, 0xBD707687
    const double Sa2 = 1.37657754143519042600e+02;  // 0x4061350C, 0x526AE721
    const double Sa3 = 4.34565877475229228821e+02;  // 0x407B290D, 0xD58A1A71
    const double Sa4 = 6.45387271733267880336e+02;  // 0x40842B19, 0x21EC2868
    const double Sa5 = 4.29008140027567833386e+02;  // 0x407AD021, 0x57700314
    const double Sa6 = 1.08635005541779435134e+02;  // 0x405B28A3, 0xEE48AE2C
    const double Sa7 = 6.57024977031928170135e+00;  // 0x401A47EF, 0x8E484A93
    const double Sa8 = -6.04244152148580987438e-02; // 0xBFAEEFF2, 0xEE749A62

    // Coefficients for approximation to erfc in [1/0.35, 28].
    const double Rb0 = -9.86494292470009928597e-03; // 0xBF843412, 0x39E86F4A
    const double Rb1 = -7.99283237680523006574e-01; // 0xBFE993BA, 0x70C285DE
    const double Rb2 = -1.77579549177547519889e+01; // 0xC031C209, 0x555F995A
    const double Rb3 = -1.60636384855821916062e+02; // 0xC064145D, 0x43C5ED98
    const double Rb4 = -6.37566443368389627722e+02; // 0xC083EC88, 0x1375F228
    const double Rb5 = -1.02509513161107724954e+03; // 0xC0900461, 0x6A2E5992
    const double Rb6 = -4.83519191608651397019e+02; // 0xC07E384E, 0x9BDC383F
    const double Sb1 = 3.03380607434824582924e+01;  // 0x403E568B, 0x261D5190
    const double Sb2 = 3.25792512996573918826e+02;  // 0x40745CAE, 0x221B9F0A
    const double Sb3 = 1.53672958608443695994e+03;  // 0x409802EB, 0x189D5118
    const double Sb4 = 3.19985821950859553908e+03;  // 0x40A8FFB7, 0x688C246A
    const double Sb5 = 2.55305040643316442583e+03;  // 0x40A3F219, 0xCEDF3BE6
    const double Sb6 = 4.74528541206955367215e+02;  // 0x407DA874, 0xE79FE763
    const double Sb7 = -2.24409524465858183362e+01; // 0xC03670E2, 0x42712D62

    /// <summary>The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt.</summary>
    public static double Of(double x)
    {
        int hx = HighWord(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000)
        {
            // erf(NaN) = NaN, erf(±∞) = ±1
            int i = (int)(((uint)hx >> 31) << 1);
            return (1 - i) + One / x;
        }

        if (ix < 0x3feb0000)
        {
            // |x| < 0.84375
            if (ix < 0x3e300000)
            {
                // |x| < 2**-28
                if (ix < 0x00800000)
                    return 0.125 * (8.0 * x + Efx8 * x); // avoid underflow
                return x + Efx * x;
            }
            double z = x * x;
            double r = Pp0 + z * (Pp1 + z * (Pp2 + z * (Pp3 + z * Pp4)));
            double s = One + z * (Qq1 + z * (Qq2 + z * (Qq3 + z * (Qq4 + z * Qq5))));
            double y = r / s;
            return x + x * y;
        }
        if (ix < 0x3ff40000)
        {
            // 0.84375 <= |x| < 1.25
            double s = Math.Abs(x) - One;
            double p = Pa0 + s * (Pa1 + s * (Pa2 + s * (Pa3 + s * (Pa4 + s * (Pa5 + s * Pa6)))));
            double q = One + s * (Qa1 + s * (Qa2 + s * (Qa3 + s * (Qa4 + s * (Qa5 + s * Qa6)))));
            return hx >= 0 ? Erx + p / q : -Erx - p / q;
        }
        if (ix >= 0x40180000)
        {
            // 6 <= |x| < ∞
            return hx >= 0 ? One - Tiny : Tiny - One;
        }
        x = Math.Abs(x);
        double t = One / (x * x);
        double rr, ss;
        if (ix < 0x4006DB6E)
        {
            // |x| < 1/0.35
            rr = Ra0 + t * (Ra1 + t * (Ra2 + t * (Ra3 + t * (Ra4 + t * (Ra5 + t * (Ra6 + t * Ra7))))));
            ss = One + t * (Sa1 + t * (Sa2 + t * (Sa3 + t * (Sa4 + t * (Sa5 + t * (Sa6 + t * (Sa7 + t * Sa8)))))));
        }
        else
        {
            // |x| >= 1/0.35
            rr = Rb0 + t * (Rb1 + t * (Rb2 + t * (Rb3 + t * (Rb4 + t * (Rb5 + t * Rb6)))));
            ss = One + t * (Sb1 + t * (Sb2 + t * (Sb3 + t * (Sb4 + t * (Sb5 + t * (Sb6 + t * Sb7))))));
        }
        double zz = ClearLowWord(x);
        double e = Math.Exp(-zz * zz - 0.5625) * Math.Exp((zz - x) * (zz + x) + rr / ss);
        return hx >= 0 ? One - e / x : e / x - One;
    }

    /// <summary>The complementary error function erfc(x) = 1 − erf(x), accurate where erf(x) is near 1.</summary>
    public static double Complement(double x)
    {
        int hx = HighWord(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000)
        {
            // erfc(NaN) = NaN, erfc(+∞) = 0, erfc(−∞) = 2
            return (int)(((uint)hx >> 31) << 1) + One / x;
        }

        if (ix < 0x3feb0000)
        {
            // |x| < 0.84375
            if (ix < 0x3c700000) // |x| < 2**-56
                return One - x;
            double z = x * x;
            double r = Pp0 + z * (Pp1 + z * (Pp2 + z * (Pp3 + z * Pp4)));
            double s = One + z * (Qq1 + z * (Qq2 + z * (Qq3 + z * (Qq4 + z * Qq5))));
            double y = r / s;
            if (hx < 0x3fd00000)
            {
                // x < 1/4
                return One - (x + x * y);
            }
            r = x * y;
            r += x - Half;
            return Half - r;
        }
        if (ix < 0x3ff40000)
        {
            // 0.84375 <= |x| < 1.25
            double s = Math.Abs(x) - One;
            double p = Pa0 + s * (Pa1 + s * (Pa2 + s * (Pa3 + s * (Pa4 + s * (Pa5 + s * Pa6)))));
            double q = One + s * (Qa1 + s * (Qa2 + s * (Qa3 + s * (Qa4 + s * (Qa5 + s * Qa6)))));
            if (hx >= 0)
                return One - Erx - p / q;
            return One + (Erx + p / q);
        }
        if (ix < 0x403c0000)
        {
            // |x| < 28
            x = Math.Abs(x);
            double t = One / (x * x);
            double rr, ss;
            if (ix < 0x4006DB6D)
            {
                // |x| < 1/0.35 ~ 2.857143
                rr = Ra0 + t * (Ra1 + t * (Ra2 + t * (Ra3 + t * (Ra4 + t * (Ra5 + t * (Ra6 + t * Ra7))))));
                ss = One + t * (Sa1 + t * (Sa2 + t * (Sa3 + t * (Sa4 + t * (Sa5 + t * (Sa6 + t * (Sa7 + t * Sa8)))))));
            }
            else
            {
                // |x| >= 1/0.35 ~ 2.857143
                if (hx < 0 && ix >= 0x40180000)
                    return Two - Tiny; // x < -6
                rr = Rb0 + t * (Rb1 + t * (Rb2 + t * (Rb3 + t * (Rb4 + t * (Rb5 + t * Rb6)))));
                ss = One + t * (Sb1 + t * (Sb2 + t * (Sb3 + t * (Sb4 + t * (Sb5 + t * (Sb6 + t * Sb7))))));
            }
            double zz = ClearLowWord(x);
            double e = Math.Exp(-zz * zz - 0.5625) * Math.Exp((zz - x) * (zz + x) + rr / ss);
            return hx > 0 ? e / x : Two - e / x;
        }
        return hx > 0 ? Tiny * Tiny : Two - Tiny;
    }

    /// <summary>fdlibm's GET_HIGH_WORD: the sign, exponent and top 20 mantissa bits of x.</summary>
    static int HighWord(double x) => (int)(BitConverter.DoubleToInt64Bits(x) >> 32);

    /// <summary>fdlibm's SET_LOW_WORD(z, 0): x with the low 32 mantissa bits zeroed.</summary>
    static double ClearLowWord(double x) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) & unchecked((long)0xFFFFFFFF00000000UL));
}
