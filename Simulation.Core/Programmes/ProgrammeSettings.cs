using System.Runtime.Intrinsics;
using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Programmes;

/// <summary>One exposure effect of a stock programme, with the replication's parameters read.</summary>
/// <param name="Slot">The programme's stock slot.</param>
/// <param name="Exposure">The exposure changed.</param>
/// <param name="Size">How the full change is measured.</param>
/// <param name="Value">Level, share or amount of the full change.</param>
/// <param name="HalfResponseGbpPerHead">Stock per resident at half the full change, £.</param>
/// <param name="Exponent">The programme's Hill exponent.</param>
internal readonly record struct ResolvedExposureEffect(int Slot, Exposure Exposure, EffectSize Size, double Value, double HalfResponseGbpPerHead, double Exponent)
{
    /// <summary>The full change in a zone whose start level is <paramref name="start"/>, in the exposure's healthier direction (≥ 0).</summary>
    public double FullChange(double start) => Size switch
    {
        EffectSize.TowardsLevel => Math.Max(0, ExposureCatalogue.Of(Exposure).HealthierSign * (Value - start)),
        EffectSize.ShareOfStart => Math.Max(0, Value * start),
        _ => Value,
    };

    /// <summary>The full change in four zones at once (the fast kernels; <see cref="FullChange(double)"/> is their reference).</summary>
    public Vector256<double> FullChange(Vector256<double> start) => Size switch
    {
        EffectSize.TowardsLevel => Vector256.Max(Vector256<double>.Zero, Vector256.Create((double)ExposureCatalogue.Of(Exposure).HealthierSign) * (Vector256.Create(Value) - start)),
        EffectSize.ShareOfStart => Vector256.Max(Vector256<double>.Zero, Vector256.Create(Value) * start),
        _ => Vector256.Create(Value),
    };
}

/// <summary>One incidence effect of a stock programme on one disease, with the replication's parameters read.</summary>
/// <param name="Slot">The programme's stock slot.</param>
/// <param name="Disease">The disease whose incidence falls.</param>
/// <param name="MaxReduction">Most proportional reduction.</param>
/// <param name="HalfResponseGbpPerHead">Stock per resident at half the most reduction, £.</param>
/// <param name="Exponent">The programme's Hill exponent.</param>
internal readonly record struct ResolvedIncidenceEffect(int Slot, Disease Disease, double MaxReduction, double HalfResponseGbpPerHead, double Exponent);

/// <summary>
/// A catalogue's programmes with one replication's parameters read into plain arrays (<see cref="Resolve"/>), so the
/// yearly steps read numbers, not delegates: per programme its lag, scheme dose, spillover, depreciation, upkeep,
/// delivery capacity, unit cost and non-health benefit; and every exposure and incidence effect of the stock programmes.
/// </summary>
internal sealed class ProgrammeSettings
{
    /// <summary>Arrays sized for <paramref name="catalogue"/>.</summary>
    public ProgrammeSettings(ProgrammeCatalogue catalogue)
    {
        Catalogue = catalogue;
        int n = catalogue.Count;
        LagYears = new int[n]; DoseGbpPerHead = new double[n]; SpilloverShare = new double[n]; Exponent = new double[n];
        DepreciationPerYear = new double[n]; UpkeepSharePerYear = new double[n]; UnmaintainedDecayPerYear = new double[n];
        DeliveryGbpPerHeadPerYear = new double[n]; ScaleGbpPerHead = new double[n]; UnitCostGbp = new double[n]; OtherBenefitPerGbp = new double[n];
        AppraisedHealthYears = new double[n]; AppraisedCostYears = new double[n]; FirstSchemeResponse = new double[n];
        int exposureEffects = catalogue.All.Sum(p => p.ExposureEffects.Length);
        int incidenceEffects = catalogue.All.Sum(p => p.IncidenceEffects.Sum(e => e.Diseases.Length));
        ExposureEffects = new ResolvedExposureEffect[exposureEffects];
        SharesResponseWithPrevious = new bool[exposureEffects]; PairsWithNext = new bool[exposureEffects];
        SchemeHalfLanes = new Vector256<double>[exposureEffects]; SchemeExponentLanes = new Vector256<double>[exposureEffects];
        IncidenceEffects = new ResolvedIncidenceEffect[incidenceEffects];
        // Which effects act on each exposure and disease: fixed by the catalogue, so the yearly loops visit only those.
        EffectsOn = new int[ExposureCatalogue.Count][];
        ReductionsOf = new int[DiseaseCatalogue.Count][];
        var exposureList = catalogue.All.SelectMany(p => p.ExposureEffects.Select(e => e.Exposure)).ToArray();
        var diseaseList = catalogue.All.SelectMany(p => p.IncidenceEffects.SelectMany(e => e.Diseases)).ToArray();
        for (int e = 0; e < ExposureCatalogue.Count; e++) EffectsOn[e] = [.. Enumerable.Range(0, exposureList.Length).Where(i => (int)exposureList[i] == e)];
        for (int d = 0; d < DiseaseCatalogue.Count; d++) ReductionsOf[d] = [.. Enumerable.Range(0, diseaseList.Length).Where(i => (int)diseaseList[i] == d)];
        ExposureEffectsOf = new int[n][];
        IncidenceEffectsOf = new int[n][];
        int ei = 0, ii = 0;
        for (int p = 0; p < n; p++)
        {
            ExposureEffectsOf[p] = [.. Enumerable.Range(ei, catalogue.All[p].ExposureEffects.Length)];
            ei += catalogue.All[p].ExposureEffects.Length;
            int count = catalogue.All[p].IncidenceEffects.Sum(e => e.Diseases.Length);
            IncidenceEffectsOf[p] = [.. Enumerable.Range(ii, count)];
            ii += count;
        }
    }

    /// <summary>The programmes.</summary>
    public ProgrammeCatalogue Catalogue { get; }
    /// <summary>[programme] years from spending to stock in place.</summary>
    public readonly int[] LagYears;
    /// <summary>[programme] stock per resident one scheme adds to its zone, £.</summary>
    public readonly double[] DoseGbpPerHead;
    /// <summary>[programme] share of a scheme's stock spread over its region.</summary>
    public readonly double[] SpilloverShare;
    /// <summary>[programme] Hill exponent of the response to stock.</summary>
    public readonly double[] Exponent;
    /// <summary>[programme] share of the stock lost a year when maintained.</summary>
    public readonly double[] DepreciationPerYear;
    /// <summary>[programme] upkeep a year per £ of stock.</summary>
    public readonly double[] UpkeepSharePerYear;
    /// <summary>[programme] extra share lost in a year without upkeep.</summary>
    public readonly double[] UnmaintainedDecayPerYear;
    /// <summary>[programme] most new spend a year at full capacity, £ per resident.</summary>
    public readonly double[] DeliveryGbpPerHeadPerYear;
    /// <summary>[programme] capacity programme's response scale, £ per resident.</summary>
    public readonly double[] ScaleGbpPerHead;
    /// <summary>[programme] cost of one unit, £.</summary>
    public readonly double[] UnitCostGbp;
    /// <summary>[programme] non-health benefit per £ of a first scheme.</summary>
    public readonly double[] OtherBenefitPerGbp;
    /// <summary>
    /// [programme] the years of health benefit a £ of its stock brings as the mayor's appraisal counts them
    /// (<see cref="StockAnnuity"/> over the appraisal years at the health discount rate): fixed for a replication.
    /// </summary>
    public readonly double[] AppraisedHealthYears;
    /// <summary>[programme] the same at the cost discount rate: the years of upkeep a £ of stock is appraised to cost.</summary>
    public readonly double[] AppraisedCostYears;
    /// <summary>[programme] the response of an area programme's first effect to one scheme's dose in a zone with no stock (0 for others).</summary>
    public readonly double[] FirstSchemeResponse;
    /// <summary>Every exposure effect of the stock programmes, in catalogue order.</summary>
    public readonly ResolvedExposureEffect[] ExposureEffects;
    /// <summary>Every incidence effect, one per programme and disease, in catalogue order.</summary>
    public readonly ResolvedIncidenceEffect[] IncidenceEffects;
    /// <summary>[exposure] indices of <see cref="ExposureEffects"/> acting on it.</summary>
    public readonly int[][] EffectsOn;
    /// <summary>[disease] indices of <see cref="IncidenceEffects"/> acting on it.</summary>
    public readonly int[][] ReductionsOf;
    /// <summary>[programme] indices of its <see cref="ExposureEffects"/>.</summary>
    public readonly int[][] ExposureEffectsOf;
    /// <summary>[programme] indices of its <see cref="IncidenceEffects"/>.</summary>
    public readonly int[][] IncidenceEffectsOf;
    /// <summary>[exposure effect] whether it has the same response as the effect before it in its programme (clean air's NO₂ and PM2.5).</summary>
    public readonly bool[] SharesResponseWithPrevious;
    /// <summary>[exposure effect] whether a scheme's added response of the next effect of its programme, which has a response of its own, is worked out with this one's.</summary>
    public readonly bool[] PairsWithNext;
    /// <summary>
    /// [exposure effect] the half-response stocks and exponents of the four lanes in which a scheme's added responses are worked
    /// out from this effect: (K + dose, K) of it, then of the next effect when <see cref="PairsWithNext"/>, or of itself again.
    /// </summary>
    public readonly Vector256<double>[] SchemeHalfLanes, SchemeExponentLanes;

    /// <summary>Reads every programme's parameters from <paramref name="parameters"/>.</summary>
    /// <exception cref="InvalidOperationException">A lag is outside 0 … <see cref="ProgrammeState.MaxLagYears"/>, or a dose, half-response or scale is not positive.</exception>
    public void Resolve(ModelParameters parameters)
    {
        int ei = 0, ii = 0;
        for (int p = 0; p < Catalogue.Count; p++)
        {
            var programme = Catalogue.All[p];
            LagYears[p] = programme.LagYears(parameters);
            DoseGbpPerHead[p] = programme.SchemeDoseGbpPerHead(parameters);
            SpilloverShare[p] = Math.Clamp(programme.SpilloverShare(parameters), 0, 1);
            Exponent[p] = programme.ResponseExponent(parameters);
            DepreciationPerYear[p] = programme.DepreciationPerYear(parameters);
            UpkeepSharePerYear[p] = programme.UpkeepSharePerYear(parameters);
            UnmaintainedDecayPerYear[p] = programme.UnmaintainedDecayPerYear(parameters);
            DeliveryGbpPerHeadPerYear[p] = programme.DeliveryGbpPerHeadPerYear(parameters);
            ScaleGbpPerHead[p] = programme.ScaleGbpPerHead(parameters);
            UnitCostGbp[p] = programme.UnitCostGbp(parameters);
            OtherBenefitPerGbp[p] = programme.OtherBenefitPerGbp(parameters);
            int appraisalYears = parameters.Programmes.AppraisalYears;
            AppraisedHealthYears[p] = StockAnnuity(appraisalYears, DepreciationPerYear[p], Discounting.HealthRatePerYear);
            AppraisedCostYears[p] = StockAnnuity(appraisalYears, DepreciationPerYear[p], Discounting.CostRatePerYear);
            if (LagYears[p] < 0 || LagYears[p] > ProgrammeState.MaxLagYears)
                throw new InvalidOperationException($"Programme '{programme.Name}' has a lag of {LagYears[p]} years; lags are 0 to {ProgrammeState.MaxLagYears}.");
            if (!(ScaleGbpPerHead[p] > 0) || !(Exponent[p] > 0) || (programme.Delivery == DeliveryKind.AreaSchemes && !(DoseGbpPerHead[p] > 0)))
                throw new InvalidOperationException($"Programme '{programme.Name}' needs a positive scale, response exponent and scheme dose.");
            int slot = Catalogue.StockSlot(p);
            foreach (var effect in programme.ExposureEffects)
                ExposureEffects[ei++] = new(slot, effect.Exposure, effect.Size, effect.Value(parameters), Positive(programme, effect.HalfResponseGbpPerHead(parameters)), Exponent[p]);
            foreach (var effect in programme.IncidenceEffects)
                foreach (var disease in effect.Diseases)
                    IncidenceEffects[ii++] = new(slot, disease, Math.Clamp(effect.MaxReduction(parameters), 0, 1), Positive(programme, effect.HalfResponseGbpPerHead(parameters)), Exponent[p]);
            SetSchemeLanes(ExposureEffectsOf[p]);
            FirstSchemeResponse[p] = programme.ExposureEffects.Length > 0 && programme.Delivery == DeliveryKind.AreaSchemes
                ? StockResponse.Hill(DoseGbpPerHead[p], ExposureEffects[ExposureEffectsOf[p][0]].HalfResponseGbpPerHead, Exponent[p])
                : 0;
        }
    }

    /// <summary>Which of a programme's exposure effects share a response, and the lanes its schemes' added responses are worked out in.</summary>
    private void SetSchemeLanes(int[] effects)
    {
        for (int e = 0; e < effects.Length; e++)
        {
            int i = effects[e];
            SharesResponseWithPrevious[i] = e > 0 && ExposureEffects[i].HalfResponseGbpPerHead == ExposureEffects[i - 1].HalfResponseGbpPerHead
                                            && ExposureEffects[i].Exponent == ExposureEffects[i - 1].Exponent;
        }
        for (int e = 0; e < effects.Length; e++)
        {
            int i = effects[e];
            PairsWithNext[i] = e + 1 < effects.Length && !SharesResponseWithPrevious[i + 1];
            var first = ExposureEffects[i];
            var second = PairsWithNext[i] ? ExposureEffects[i + 1] : first;
            SchemeHalfLanes[i] = Vector256.Create(first.HalfResponseGbpPerHead, first.HalfResponseGbpPerHead, second.HalfResponseGbpPerHead, second.HalfResponseGbpPerHead);
            SchemeExponentLanes[i] = Vector256.Create(first.Exponent, first.Exponent, second.Exponent, second.Exponent);
        }
    }

    /// <summary>
    /// Σ over the appraisal years of the discount factor × the share of a stock still in use after depreciation
    /// (1 − <paramref name="depreciationPerYear"/>)^k: the years of benefit (or upkeep) a £ of stock brings, as the mayor counts them.
    /// </summary>
    public static double StockAnnuity(int years, double depreciationPerYear, double discountRatePerYear)
    {
        double annuity = 0;
        for (int k = 0; k < years; k++) annuity += Math.Pow(1 - depreciationPerYear, k) * Discounting.Factor(discountRatePerYear, k);
        return annuity;
    }

    private static double Positive(ProgrammeDefinition programme, double halfResponse) => halfResponse > 0
        ? halfResponse
        : throw new InvalidOperationException($"Programme '{programme.Name}' has a half-response stock of {halfResponse}; it must be positive.");
}
