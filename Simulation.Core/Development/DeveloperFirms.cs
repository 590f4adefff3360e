using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Development;

/// <summary>
/// Developer firms' rules: their starting equity and land banks, the prices they expect (adaptive expectations), the
/// order in which they bid for land, and what a completed scheme does to them: its realised profit or loss (at the
/// prices when it completes, not those it expected), equity kept after paying out a share of profit, and failure when
/// a loss leaves a firm without equity; a new firm of the same kind enters in a failed firm's place some years later.
/// </summary>
internal static class DeveloperFirms
{
    /// <summary>Share of the developers' starting equity held by regeneration specialists.</summary>
    public const double RegenerationEquityShare = 0.1;

    /// <summary>
    /// The equity a firm of <paramref name="type"/> starts (or enters) with, £: the region's developers' equity
    /// (<see cref="DevelopmentParameters.DeveloperEquityGbpPerHead"/> × residents) shared by kind (SMEs
    /// <see cref="DevelopmentParameters.SmeEquityShare"/>, regeneration specialists a tenth, volume builders the rest)
    /// and equally between the firms of a kind.
    /// </summary>
    public static double StartEquityGbp(DeveloperType type, double regionPopulation, DeveloperFirmState firms, DevelopmentParameters d)
    {
        double total = d.DeveloperEquityGbpPerHead * regionPopulation;
        return type switch
        {
            DeveloperType.Volume => total * Math.Max(0, 1 - d.SmeEquityShare - RegenerationEquityShare) / firms.Volume,
            DeveloperType.Sme => total * d.SmeEquityShare / firms.Sme,
            _ => total * RegenerationEquityShare / firms.Regeneration,
        };
    }

    /// <summary>
    /// Start of a variant: every firm trading with its starting equity and expecting start-year prices; each site in the
    /// land bank of a firm of the kind the site was drawn for (<see cref="SiteState.Developer"/>), spread over them in
    /// site order; nothing under way.
    /// </summary>
    public static void Start(DeveloperFirmState firms, WorldState world, DevelopmentParameters d, ReadOnlySpan<double> regionPopulation)
    {
        firms.Size(world.RegionCount, world.SiteCount, d);
        for (int f = 0; f < firms.Count; f++)
        {
            int k = f % firms.PerRegion;
            firms.Type[f] = k < firms.Volume ? DeveloperType.Volume : k < firms.Volume + firms.Sme ? DeveloperType.Sme : DeveloperType.Regeneration;
            firms.EquityGbp[f] = StartEquityGbp(firms.Type[f], regionPopulation[firms.RegionOf(f)], firms, d);
            firms.TiedGbp[f] = 0;
            firms.ExpectedPriceFactor[f] = 1;
            firms.Alive[f] = true;
            firms.EntryYear[f] = -1;
            firms.SchemesStarted[f] = firms.HomesCompleted[f] = firms.RealisedProfitGbp[f] = firms.Failures[f] = 0;
            firms.Ranking[f] = f;
        }
        for (int site = 0; site < world.SiteCount; site++)
        {
            int region = world.Regions.SiteRegion[site];
            var type = world.Sites.Developer[site];
            int first = type switch { DeveloperType.Volume => 0, DeveloperType.Sme => firms.Volume, _ => firms.Volume + firms.Sme };
            int count = type switch { DeveloperType.Volume => firms.Volume, DeveloperType.Sme => firms.Sme, _ => firms.Regeneration };
            firms.Holder[site] = region * firms.PerRegion + first + site % count;
            firms.Builder[site] = -1;
            firms.SiteEquityGbp[site] = firms.ExpectedGdvGbp[site] = firms.RequiredProfitGbp[site] = 0;
        }
    }

    /// <summary>This year's prices as a share of start-year prices: lower by the recession price fall in a recession.</summary>
    public static double PriceFactor(ModelParameters parameters, bool inRecession) => inRecession ? 1 - parameters.Shocks.RecessionPriceFall : 1;

    /// <summary>The highest share of GDV a firm can offer for land per £ of start-year GDV: its expected prices × (1 − its required margin).</summary>
    public static double BidKey(DeveloperFirmState firms, int firm, double profitShareOfGdv) =>
        firms.ExpectedPriceFactor[firm] * (1 - profitShareOfGdv * Developers.ProfitMultiplier(firms.Type[firm]));

    /// <summary>
    /// The start of a year's development, after completions: trading firms move their expected prices a share
    /// <see cref="DevelopmentParameters.DeveloperPriceLearningPerYear"/> of the way to this year's; a new firm enters in
    /// each failed firm's place whose entry year has come (with starting equity, expecting this year's prices); and each
    /// region's firms are ranked by the land value they can offer (<see cref="BidKey"/>, highest first, ties by index).
    /// </summary>
    public static void StartYear(DeveloperFirmState firms, int year, ModelParameters parameters, double priceFactor, ReadOnlySpan<double> regionPopulation)
    {
        var d = parameters.Development;
        for (int f = 0; f < firms.Count; f++)
        {
            if (firms.Alive[f])
                firms.ExpectedPriceFactor[f] += d.DeveloperPriceLearningPerYear * (priceFactor - firms.ExpectedPriceFactor[f]);
            else if (firms.EntryYear[f] >= 0 && year >= firms.EntryYear[f])
            {
                firms.Alive[f] = true;
                firms.EntryYear[f] = -1;
                firms.EquityGbp[f] = StartEquityGbp(firms.Type[f], regionPopulation[firms.RegionOf(f)], firms, d);
                firms.TiedGbp[f] = 0;
                firms.ExpectedPriceFactor[f] = priceFactor;
            }
        }
        double profitShare = d.DeveloperProfitShareOfGdv;
        for (int r = 0; r * firms.PerRegion < firms.Count; r++)
        {
            var ranking = firms.Ranking.AsSpan(r * firms.PerRegion, firms.PerRegion);
            for (int k = 0; k < ranking.Length; k++) ranking[k] = r * firms.PerRegion + k;
            // Insertion sort: a handful of firms, and a stable order for ties.
            for (int k = 1; k < ranking.Length; k++)
            {
                int f = ranking[k];
                double key = BidKey(firms, f, profitShare);
                int j = k - 1;
                while (j >= 0 && BidKey(firms, ranking[j], profitShare) < key) { ranking[j + 1] = ranking[j]; j--; }
                ranking[j + 1] = f;
            }
        }
    }

    /// <summary>
    /// A firm starts a scheme on <paramref name="site"/>: its equity is tied up, and the site records what the firm
    /// expected (GDV) and required (profit) at the start.
    /// </summary>
    public static void StartScheme(DeveloperFirmState firms, int firm, int site, double equityGbp, double expectedGdvGbp, double requiredProfitGbp)
    {
        firms.EquityGbp[firm] -= equityGbp;
        firms.TiedGbp[firm] += equityGbp;
        firms.SchemesStarted[firm] += 1;
        firms.Holder[site] = firm;
        firms.Builder[site] = firm;
        firms.SiteEquityGbp[site] = equityGbp;
        firms.ExpectedGdvGbp[site] = expectedGdvGbp;
        firms.RequiredProfitGbp[site] = requiredProfitGbp;
    }

    /// <summary>
    /// A scheme completes: its profit is the profit its builder required plus the difference between the GDV the homes
    /// fetch now (<paramref name="realisedGdvGbp"/>) and the GDV it expected, so prices that fell while it was building are
    /// its loss. The builder gets its equity back with the profit, less the share paid out (a loss is borne in full). A
    /// firm left with negative equity fails (<see cref="Fail"/>). Returns the realised profit and whether the builder
    /// failed; a scheme whose builder already failed is finished by receivers and changes no firm.
    /// </summary>
    public static (double ProfitGbp, bool Failed) Complete(DeveloperFirmState firms, int site, double homes, double realisedGdvGbp, int year, DevelopmentParameters d)
    {
        int f = firms.Builder[site];
        firms.Builder[site] = -1;
        if (f < 0) return (0, false);
        double profit = firms.RequiredProfitGbp[site] + (realisedGdvGbp - firms.ExpectedGdvGbp[site]);
        // Equity tied up is a sum of the schemes' equity; what rounding leaves when the last one completes is not negative.
        firms.TiedGbp[f] = Math.Max(0, firms.TiedGbp[f] - firms.SiteEquityGbp[site]);
        firms.EquityGbp[f] += firms.SiteEquityGbp[site] + (profit > 0 ? profit * (1 - d.DeveloperPayoutShare) : profit);
        firms.RealisedProfitGbp[f] += profit;
        firms.HomesCompleted[f] += homes;
        if (firms.EquityGbp[f] >= 0) return (profit, false);
        Fail(firms, f, year, d);
        return (profit, true);
    }

    /// <summary>
    /// A firm fails: it stops trading and loses its equity; its land bank is released to the other firms, its other schemes
    /// under way are finished by receivers (no money to it); a new firm of its kind enters in its place after
    /// <see cref="DevelopmentParameters.DeveloperEntryYears"/> years.
    /// </summary>
    public static void Fail(DeveloperFirmState firms, int firm, int year, DevelopmentParameters d)
    {
        firms.Alive[firm] = false;
        firms.Failures[firm] += 1;
        firms.EquityGbp[firm] = 0;
        firms.TiedGbp[firm] = 0;
        firms.EntryYear[firm] = year + Math.Max(1, d.DeveloperEntryYears);
        for (int site = 0; site < firms.Holder.Length; site++)
        {
            if (firms.Holder[site] == firm) firms.Holder[site] = -1;
            if (firms.Builder[site] == firm) firms.Builder[site] = -1;
        }
    }
}
