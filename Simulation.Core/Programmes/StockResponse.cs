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
    /// <summary>The response at stock <paramref name="stockGbpPerHead"/> (plain, for the references and the appraisal).</summary>
    public static double Hill(double stockGbpPerHead, double halfResponseGbpPerHead, double exponent)
    {
        if (!(stockGbpPerHead > 0)) return 0;
        if (exponent == 1) return stockGbpPerHead / (stockGbpPerHead + halfResponseGbpPerHead);
        double k = Math.Pow(stockGbpPerHead / halfResponseGbpPerHead, exponent);
        return k / (1 + k);
    }

    /// <summary>The response of four zones' stocks at once (the fast exposure update).</summary>
    public static Vector256<double> Hill(Vector256<double> stockGbpPerHead, double halfResponseGbpPerHead, double exponent)
    {
        var positive = Vector256.GreaterThan(stockGbpPerHead, Vector256<double>.Zero);
        Vector256<double> k = exponent == 1
            ? stockGbpPerHead / Vector256.Create(halfResponseGbpPerHead)
            : Vector256.Exp(Vector256.Create(exponent) * Vector256.Log(stockGbpPerHead / Vector256.Create(halfResponseGbpPerHead)));
        return Vector256.ConditionalSelect(positive, k / (Vector256.Create(1.0) + k), Vector256<double>.Zero);
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
