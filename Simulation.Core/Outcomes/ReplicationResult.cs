namespace UrbanSim.Core.Outcomes;

/// <summary>
/// Results of one replication: outcomes [variant * outcomes + outcome], series [(variant * years + year) * series
/// + series], the start-year baseline, HLE by deprivation decile, each zone's LE and HLE at the start and in the
/// final year, and what the replication drew: its uncertain parameters and its shocks of each year (the same in every
/// variant). Shaped by the scenario's <see cref="OutcomeCatalogue"/>; reused across replications.
/// </summary>
public sealed class ReplicationResult
{
    /// <summary>Deprivation deciles (1 = most deprived).</summary>
    public const int Deciles = 10;

    /// <summary>A result for <paramref name="variants"/> variants over <paramref name="years"/> years of the standard catalogue.</summary>
    public ReplicationResult(int variants, int years, int zones = 0, int regions = 0) : this(Scenarios.ModelCatalogue.Standard.Outcomes, variants, years, zones, regions) { }

    /// <summary>A result for the outcomes of <paramref name="outcomes"/>.</summary>
    /// <param name="outcomes">The outcomes and series to hold.</param>
    /// <param name="variants">Policy variants.</param>
    /// <param name="years">Simulated years.</param>
    /// <param name="zones">Zones whose final LE and HLE are kept (0: none).</param>
    /// <param name="regions">Regions whose spend by programme is kept (0: none).</param>
    /// <param name="uncertain">Uncertain parameters whose draws are recorded (the scenario's <c>uncertain</c> list).</param>
    public ReplicationResult(OutcomeCatalogue outcomes, int variants, int years, int zones = 0, int regions = 0, int uncertain = 0)
    {
        Catalogue = outcomes;
        Variants = variants; Years = years; Zones = zones; Regions = regions;
        RegionProgrammeSpendGbp = new double[variants * regions * outcomes.Programmes.Count];
        RegionBaseline = new double[regions * RegionOutcomes.BaselineCount];
        RegionOutcome = new double[variants * regions * RegionOutcomes.Count];
        OutcomeCount = outcomes.Count; SeriesCount = outcomes.SeriesCount;
        Outcome = new double[variants * OutcomeCount];
        Yearly = new double[variants * years * SeriesCount];
        BaselineValues = new double[Baseline.Count];
        DecileHleYears = new double[variants * Deciles];
        BaselineDecileHleYears = new double[Deciles];
        ZoneFinal = new double[variants * zones * 2];
        ZoneBaseline = new double[zones * 2];
        Ledger = new MoneyLedger[variants];
        DrawnParameters = new double[uncertain];
        Shocks = new Shocks.ShockKinds[years];
    }

    /// <summary>Developer firms whose kept quantities are recorded (0: none); see <see cref="KeepFirms"/>.</summary>
    internal int Firms { get; private set; }

    /// <summary>[(variant * Firms + firm) * FirmOutcomes.Kept.Length + k] each firm's kept quantities at the end of each variant.</summary>
    internal double[] FirmOutcome { get; private set; } = [];

    /// <summary>Makes room for <paramref name="firms"/> firms' kept quantities per variant.</summary>
    internal ReplicationResult KeepFirms(int firms)
    {
        Firms = firms;
        FirmOutcome = new double[Variants * firms * FirmOutcomes.Kept.Length];
        return this;
    }

    /// <summary>The outcomes and series this result holds.</summary>
    public OutcomeCatalogue Catalogue { get; }
    /// <summary>The replication's index.</summary>
    public int Replication { get; set; }
    /// <summary>Policy variants.</summary>
    public int Variants { get; }
    /// <summary>Simulated years.</summary>
    public int Years { get; }
    /// <summary>Zones recorded in <see cref="ZoneFinal"/> (0 if zone results are not kept).</summary>
    public int Zones { get; }
    /// <summary>Regions recorded in <see cref="RegionOutcome"/> and <see cref="RegionProgrammeSpendGbp"/> (0 if region results are not kept).</summary>
    public int Regions { get; }
    /// <summary>Spend on each programme in each region over the horizon, [(variant * regions + region) * programmes + programme], £.</summary>
    public double[] RegionProgrammeSpendGbp { get; }
    /// <summary>Start-year population, LE and HLE of each region [region * <see cref="RegionOutcomes.BaselineCount"/> + value].</summary>
    public double[] RegionBaseline { get; }
    /// <summary>Outcomes of each region [(variant * regions + region) * <see cref="RegionOutcomes.Count"/> + outcome].</summary>
    public double[] RegionOutcome { get; }
    /// <summary>Outcomes per variant.</summary>
    public int OutcomeCount { get; }
    /// <summary>Series per variant and year.</summary>
    public int SeriesCount { get; }
    /// <summary>Outcomes [variant * <see cref="OutcomeCount"/> + outcome].</summary>
    public double[] Outcome { get; }
    /// <summary>Yearly series [(variant * years + year) * <see cref="SeriesCount"/> + series].</summary>
    public double[] Yearly { get; }
    /// <summary>Start-year values [<see cref="Baseline"/> index].</summary>
    public double[] BaselineValues { get; }
    /// <summary>Final-year HLE of each deprivation decile [variant * 10 + decile − 1]; NaN for a decile with no zones.</summary>
    public double[] DecileHleYears { get; }
    /// <summary>Start-year HLE of each deprivation decile; NaN for a decile with no zones.</summary>
    public double[] BaselineDecileHleYears { get; }
    /// <summary>Final-year HLE and LE of each zone [(variant * zones + zone) * 2 + (0 HLE, 1 LE)].</summary>
    public double[] ZoneFinal { get; }
    /// <summary>Start-year HLE and LE of each zone [zone * 2 + (0 HLE, 1 LE)].</summary>
    public double[] ZoneBaseline { get; }
    /// <summary>Money flows of each variant, kept for conservation checks.</summary>
    public MoneyLedger[] Ledger { get; }
    /// <summary>
    /// The value each of the scenario's uncertain parameters took in this replication, in the order of its
    /// <c>uncertain</c> list (after clamping to the allowed range); NaN when the replication was run with given parameters.
    /// </summary>
    public double[] DrawnParameters { get; }
    /// <summary>The shocks of each simulated year [year], drawn from the world stream: the same in every variant.</summary>
    public Shocks.ShockKinds[] Shocks { get; }

    /// <summary>A result shaped for <paramref name="scenario"/>, with room for every zone.</summary>
    public static ReplicationResult For(Scenarios.Scenario scenario) =>
        new ReplicationResult(scenario.Catalogue.Outcomes, scenario.Variants.Length, scenario.HorizonYears, scenario.World.ZoneCount, scenario.World.RegionCount,
            scenario.Uncertain.Length).KeepFirms(scenario.World.RegionCount * FirmOutcomes.PerRegion(scenario.Parameters.Development));

    /// <summary>The outcomes of region <paramref name="region"/> in variant <paramref name="variant"/> (<see cref="RegionOutcomes"/>).</summary>
    public Span<double> RegionOutcomesOf(int variant, int region) =>
        RegionOutcome.AsSpan((variant * Regions + region) * RegionOutcomes.Count, RegionOutcomes.Count);

    /// <summary>Outcome <paramref name="outcome"/> of variant <paramref name="variant"/>.</summary>
    public double Get(int variant, int outcome) => Outcome[variant * OutcomeCount + outcome];

    /// <summary>Series <paramref name="series"/> of variant <paramref name="variant"/> in year <paramref name="year"/> (0 = first simulated year).</summary>
    public double GetYearly(int variant, int year, int series) => Yearly[(variant * Years + year) * SeriesCount + series];

    /// <summary>The outcomes of one variant.</summary>
    public Span<double> OutcomesOf(int variant) => Outcome.AsSpan(variant * OutcomeCount, OutcomeCount);

    /// <summary>The series of one variant in one year.</summary>
    public Span<double> SeriesOf(int variant, int year) => Yearly.AsSpan((variant * Years + year) * SeriesCount, SeriesCount);

    /// <summary>Copies another result (same shape).</summary>
    public void CopyFrom(ReplicationResult other)
    {
        Replication = other.Replication;
        other.Outcome.CopyTo(Outcome, 0); other.Yearly.CopyTo(Yearly, 0); other.BaselineValues.CopyTo(BaselineValues, 0);
        other.DecileHleYears.CopyTo(DecileHleYears, 0); other.BaselineDecileHleYears.CopyTo(BaselineDecileHleYears, 0);
        other.ZoneFinal.CopyTo(ZoneFinal, 0); other.ZoneBaseline.CopyTo(ZoneBaseline, 0);
        other.RegionBaseline.CopyTo(RegionBaseline, 0); other.RegionOutcome.CopyTo(RegionOutcome, 0);
        other.Ledger.CopyTo(Ledger, 0);
        other.RegionProgrammeSpendGbp.CopyTo(RegionProgrammeSpendGbp, 0);
        other.DrawnParameters.CopyTo(DrawnParameters, 0); other.Shocks.CopyTo(Shocks, 0);
        if (other.Firms == Firms) other.FirmOutcome.CopyTo(FirmOutcome, 0);
    }
}

/// <summary>
/// Where the money went: every £ central government or the ICB paid to mayors is spent on a programme, spent on the
/// settlement's non-health purposes (skills, buses), spent on bids, forfeited, returned, or still held.
/// <see cref="ImbalanceGbp"/> is zero when money is conserved.
/// </summary>
public record struct MoneyLedger
{
    /// <summary>Paid to mayors by central government and pooled by ICBs, £.</summary>
    public double PaidToMayorsGbp;
    /// <summary>Spent on programmes, £.</summary>
    public double ProgrammeSpendGbp;
    /// <summary>Spent on competitive bids, £.</summary>
    public double BiddingCostGbp;
    /// <summary>Spent on the settlement's non-health purposes (adult skills, employment support, bus operations), £.</summary>
    public double NonHealthSpendGbp;
    /// <summary>Forfeited to central government (tied money left after its deadlines), £.</summary>
    public double ClawbackGbp;
    /// <summary>Tied money whose deadline was extended (counted once per extension; not an outflow), £.</summary>
    public double ExtendedGbp;
    /// <summary>Partner money mayors brought into area schemes (co-investment; not an outflow of the mayors' money), £.</summary>
    public double CoInvestmentGbp;
    /// <summary>Single pot outcomes-framework reviews a mayoralty missed (a count, not money).</summary>
    public double OutcomesFrameworkMisses;
    /// <summary>Pooled ICB money the mayor did not use, returned, £.</summary>
    public double PooledReturnedGbp;
    /// <summary>Still held in pots at the end, £.</summary>
    public double HeldAtEndGbp;
    /// <summary>Competitive money no region won (stays with the Treasury; never paid), £.</summary>
    public double UnawardedCompetitiveGbp;

    /// <summary>Paid − spent − non-health − bidding − forfeited − returned − still held.</summary>
    public readonly double ImbalanceGbp =>
        PaidToMayorsGbp - ProgrammeSpendGbp - NonHealthSpendGbp - BiddingCostGbp - ClawbackGbp - PooledReturnedGbp - HeldAtEndGbp;
}
