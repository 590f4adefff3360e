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
        "firm_held_homes", "firm_equity_raised_gbp",
    ];

    /// <summary>What each quantity means, in index order.</summary>
    public static readonly ImmutableArray<string> Descriptions =
    [
        "Equity free to put into new schemes, £", "Equity tied up in schemes under way, £",
        "The price level the firm expects, as a share of start-year prices", "1 while the firm trades, 0 after it failed (until a new firm enters)",
        "Available sites in the firm's land bank", "Schemes started so far", "Homes completed so far",
        "Profit made so far on the schemes whose homes it sold, at the prices when they sold, less its overheads, £", "Times the firm in this place failed so far",
        "Homes it has completed and not yet sold", "New equity raised from shareholders when it could not pay its costs so far, £",
    ];

    /// <summary>Number of quantities per firm.</summary>
    public static int Count => Names.Length;

    /// <summary>
    /// The quantities a run keeps for every firm at the end of a variant (into <c>agents.csv</c>): equity (free and tied),
    /// trading, homes completed, realised profit, failures and equity raised, as indices into <see cref="Names"/>.
    /// </summary>
    public static readonly ImmutableArray<int> Kept = [0, 1, 3, 6, 7, 8, 10];

    /// <summary>Firms per region of a scenario's parameters (a run keeps each firm's <see cref="Kept"/> quantities when it does not change).</summary>
    public static int PerRegion(Scenarios.DevelopmentParameters d) => d.VolumeBuildersPerRegion + d.SmeBuildersPerRegion + d.RegenerationSpecialistsPerRegion;

    /// <summary>The name of firm k of a region from the counts alone (the same as <see cref="Name(DeveloperFirmState, int, string)"/>).</summary>
    public static string Name(Scenarios.DevelopmentParameters d, int k, string region) =>
        k < d.VolumeBuildersPerRegion ? $"{region} volume builder {k + 1}"
        : k < d.VolumeBuildersPerRegion + d.SmeBuildersPerRegion ? $"{region} SME {k - d.VolumeBuildersPerRegion + 1}"
        : $"{region} regeneration specialist {k - d.VolumeBuildersPerRegion - d.SmeBuildersPerRegion + 1}";

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

    /// <summary>Index of the land bank among the quantities (needs the sites).</summary>
    public const int LandBankSites = 4;
    /// <summary>Index of the homes held unsold among the quantities (summed over the firm's held schemes).</summary>
    public const int HeldHomes = 9;

    /// <summary>Quantity <paramref name="quantity"/> of a firm now, other than its land bank and held homes.</summary>
    public static double Value(DeveloperFirmState firms, int firm, int quantity) => quantity switch
    {
        0 => firms.EquityGbp[firm],
        1 => firms.TiedGbp[firm],
        2 => firms.ExpectedPriceFactor[firm],
        3 => firms.Alive[firm] ? 1 : 0,
        5 => firms.SchemesStarted[firm],
        6 => firms.HomesCompleted[firm],
        7 => firms.RealisedProfitGbp[firm],
        8 => firms.Failures[firm],
        10 => firms.EquityRaisedGbp[firm],
        _ => throw new ArgumentOutOfRangeException(nameof(quantity)),
    };

    /// <summary>Every firm's quantities now into <paramref name="rows"/> [firm * <see cref="Count"/> + quantity].</summary>
    public static void Measure(DeveloperFirmState firms, Development.SiteState sites, Span<double> rows)
    {
        for (int f = 0; f < firms.Count; f++)
            for (int q = 0; q < Count; q++) rows[f * Count + q] = q is LandBankSites or HeldHomes ? 0 : Value(firms, f, q);
        for (int site = 0; site < sites.Count; site++)
            if (sites.Status[site] == SiteStatus.Available && firms.Holder[site] >= 0) rows[firms.Holder[site] * Count + LandBankSites] += 1;
        for (int k = 0; k < firms.HeldCount; k++)
        {
            int site = firms.HeldSites[k];
            rows[firms.Holder[site] * Count + HeldHomes] += firms.HeldHomes[site];
        }
    }
}
