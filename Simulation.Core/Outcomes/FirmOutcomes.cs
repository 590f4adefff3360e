using System.Collections.Immutable;
using UrbanSim.Core.Development;

namespace UrbanSim.Core.Outcomes;

/// <summary>
/// What each developer firm is and has done, for <c>urbansim trace</c>: its state now (equity, expectations, whether it is
/// trading, its land bank) and its totals so far. Firms of a region are numbered within their kind ("volume builder 2").
/// </summary>
internal static class FirmOutcomes
{
    /// <summary>Names of the quantities, in index order (snake_case, unit in the name).</summary>
    public static readonly ImmutableArray<string> Names =
    [
        "firm_equity_gbp", "firm_tied_equity_gbp", "firm_expected_price_factor", "firm_trading", "firm_land_bank_sites",
        "firm_schemes_started", "firm_homes_completed", "firm_realised_profit_gbp", "firm_failures",
    ];

    /// <summary>What each quantity means, in index order.</summary>
    public static readonly ImmutableArray<string> Descriptions =
    [
        "Equity free to put into new schemes, £", "Equity tied up in schemes under way, £",
        "The price level the firm expects, as a share of start-year prices", "1 while the firm trades, 0 after it failed (until a new firm enters)",
        "Available sites in the firm's land bank", "Schemes started so far", "Homes completed so far",
        "Profit made on the schemes completed so far, at the prices when they completed, £", "Times the firm in this place failed so far",
    ];

    /// <summary>Number of quantities per firm.</summary>
    public static int Count => Names.Length;

    /// <summary>A firm's name within its region: its kind and its number among the region's firms of that kind.</summary>
    public static string Name(DeveloperFirmState firms, int firm, string region)
    {
        int k = firm % firms.PerRegion;
        return firms.Type[firm] switch
        {
            DeveloperType.Volume => $"{region} volume builder {k + 1}",
            DeveloperType.Sme => $"{region} SME {k - firms.Volume + 1}",
            _ => $"{region} regeneration specialist {k - firms.Volume - firms.Sme + 1}",
        };
    }

    /// <summary>Every firm's quantities now into <paramref name="rows"/> [firm * <see cref="Count"/> + quantity].</summary>
    public static void Measure(DeveloperFirmState firms, Development.SiteState sites, Span<double> rows)
    {
        for (int f = 0; f < firms.Count; f++)
        {
            var row = rows.Slice(f * Count, Count);
            row[0] = firms.EquityGbp[f];
            row[1] = firms.TiedGbp[f];
            row[2] = firms.ExpectedPriceFactor[f];
            row[3] = firms.Alive[f] ? 1 : 0;
            row[4] = 0;
            row[5] = firms.SchemesStarted[f];
            row[6] = firms.HomesCompleted[f];
            row[7] = firms.RealisedProfitGbp[f];
            row[8] = firms.Failures[f];
        }
        for (int site = 0; site < sites.Count; site++)
            if (sites.Status[site] == SiteStatus.Available && firms.Holder[site] >= 0) rows[firms.Holder[site] * Count + 4] += 1;
    }
}
