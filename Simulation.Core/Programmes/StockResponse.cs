using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace UrbanSim.Core.Programmes;

/// <summary>
/// How an exposure or an incidence responds to a programme's stock per resident K: the Hill function
/// K^h / (K^h + K½^h), 0 with no stock, one half at the half-response stock K½, tending to 1. With h = 1 it is
/// concave from the first pound (a service's reach); with h above 1 it is S-shaped, so thinly spread stock does
/// little until a network connects (active travel).
/// </summary>
internal static class StockResponse
{
    /// <summary>
    /// The response at stock <paramref name="stockGbpPerHead"/>: one lane of the four-lane
    /// <see cref="Hill(Vector256{double}, Vector256{double}, Vector256{double})"/>, so a response has the same bits
    /// whether it is computed alone (the references, the appraisal, a scheme's zone) or with others (the fast kernels),
    /// and the fast and reference kernels choose scheme zones alike.
    /// </summary>
    public static double Hill(double stockGbpPerHead, double halfResponseGbpPerHead, double exponent) =>
        stockGbpPerHead > 0
            ? Hill(Vector256.Create(stockGbpPerHead), Vector256.Create(halfResponseGbpPerHead), Vector256.Create(exponent)).ToScalar()
            : 0;

    /// <summary>The response of four zones' stocks to one effect at once (see the four-lane version).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Hill(Vector256<double> stockGbpPerHead, double halfResponseGbpPerHead, double exponent) =>
        Hill(stockGbpPerHead, Vector256.Create(halfResponseGbpPerHead), Vector256.Create(exponent));

    /// <summary>
    /// Four responses at once, each lane its own stock, half-response stock and exponent: K / (K + K½) where h = 1,
    /// otherwise k / (1 + k) with k = exp(h ln(K / K½)); 0 where the stock is not positive. A lane's result depends
    /// only on its own inputs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Hill(Vector256<double> stockGbpPerHead, Vector256<double> halfResponseGbpPerHead, Vector256<double> exponent)
    {
        var positive = Vector256.GreaterThan(stockGbpPerHead, Vector256<double>.Zero);
        // No lane with stock: every response is 0 (the same bits as below, without the exponential and logarithm).
        if (positive.ExtractMostSignificantBits() == 0) return Vector256<double>.Zero;
        var one = Vector256.Create(1.0);
        var linear = Vector256.Equals(exponent, one);
        // A mask's set lanes are NaN as doubles, so lanes are tested by their sign bits (Equals on the mask would never hold).
        uint linearLanes = linear.ExtractMostSignificantBits();
        Vector256<double> response;
        if (linearLanes == 0b1111) response = stockGbpPerHead / (stockGbpPerHead + halfResponseGbpPerHead);
        else
        {
            // A lane with no stock takes ln 1 (its result is 0 below): a zero, infinite or NaN lane would send every
            // lane down the vector exponential's and logarithm's slower path for special values, whose last bits differ.
            var ratio = Vector256.ConditionalSelect(positive, stockGbpPerHead / halfResponseGbpPerHead, one);
            var k = Vector256.Exp(exponent * Vector256.Log(ratio));
            response = k / (one + k);
            if (linearLanes != 0) response = Vector256.ConditionalSelect(linear, stockGbpPerHead / (stockGbpPerHead + halfResponseGbpPerHead), response);
        }
        return Vector256.ConditionalSelect(positive, response, Vector256<double>.Zero);
    }

    /// <summary>The slope dResponse/dK at stock <paramref name="stockGbpPerHead"/>, per £ per resident.</summary>
    public static double Slope(double stockGbpPerHead, double halfResponseGbpPerHead, double exponent)
    {
        if (exponent == 1) return halfResponseGbpPerHead / ((stockGbpPerHead + halfResponseGbpPerHead) * (stockGbpPerHead + halfResponseGbpPerHead));
        if (!(stockGbpPerHead > 0)) return exponent < 1 ? double.PositiveInfinity : 0;
        double k = Math.Pow(stockGbpPerHead / halfResponseGbpPerHead, exponent);
        return exponent * k / (stockGbpPerHead * (1 + k) * (1 + k));
    }
}
