using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Programmes;

/// <summary>
/// A catalogue's programmes with one replication's parameters read into plain arrays (<see cref="Resolve"/>), so the
/// yearly steps read numbers, not delegates: per programme its lag, response scale, unit cost and non-health
/// benefit; per zonal slot the most each exposure improves and the most each disease's incidence falls.
/// </summary>
internal sealed class ProgrammeSettings
{
    /// <summary>Arrays sized for <paramref name="catalogue"/>.</summary>
    public ProgrammeSettings(ProgrammeCatalogue catalogue)
    {
        Catalogue = catalogue;
        int n = catalogue.Count, zonal = catalogue.ZonalCount;
        LagYears = new int[n]; ScaleGbpPerHead = new double[n]; UnitCostGbp = new double[n]; OtherBenefitPerGbp = new double[n];
        MaxImprovement = new double[zonal * ExposureCatalogue.Count];
        MaxIncidenceReduction = new double[zonal * DiseaseCatalogue.Count];
        // Which zonal slots change each exposure and each disease's incidence: fixed by the catalogue, so the yearly
        // loops visit only those.
        SlotsChanging = new int[ExposureCatalogue.Count][];
        SignedChange = new double[ExposureCatalogue.Count][];
        for (int e = 0; e < ExposureCatalogue.Count; e++)
        {
            SlotsChanging[e] = [.. Enumerable.Range(0, zonal).Where(slot => catalogue.All[catalogue.ZonalProgramme(slot)].ExposureEffects.Any(x => (int)x.Exposure == e))];
            SignedChange[e] = new double[SlotsChanging[e].Length];
        }
        ChangesExposure = [.. Enumerable.Range(0, zonal).Select(slot => !catalogue.All[catalogue.ZonalProgramme(slot)].ExposureEffects.IsEmpty)];
        SlotsReducing = new int[DiseaseCatalogue.Count][];
        for (int d = 0; d < DiseaseCatalogue.Count; d++)
            SlotsReducing[d] = [.. Enumerable.Range(0, zonal).Where(slot => catalogue.All[catalogue.ZonalProgramme(slot)].IncidenceEffects.Any(x => x.Diseases.Contains((Disease)d)))];
    }

    /// <summary>[exposure] the zonal slots whose programmes change the exposure, in slot order.</summary>
    public readonly int[][] SlotsChanging;
    /// <summary>[exposure][k] the most change of the exposure by slot <see cref="SlotsChanging"/>[exposure][k], in its unit and direction (a PM2.5 reduction is negative).</summary>
    public readonly double[][] SignedChange;
    /// <summary>[slot] whether the zonal slot's programme changes some exposure.</summary>
    public readonly bool[] ChangesExposure;
    /// <summary>[disease] the zonal slots whose programmes reduce the disease's incidence, in slot order.</summary>
    public readonly int[][] SlotsReducing;

    /// <summary>The programmes.</summary>
    public ProgrammeCatalogue Catalogue { get; }
    /// <summary>[programme] years from spending to effect.</summary>
    public readonly int[] LagYears;
    /// <summary>[programme] response scale, £ per resident (infinite for programmes without one).</summary>
    public readonly double[] ScaleGbpPerHead;
    /// <summary>[programme] cost of one unit, £.</summary>
    public readonly double[] UnitCostGbp;
    /// <summary>[programme] non-health benefit per £ the mayor perceives.</summary>
    public readonly double[] OtherBenefitPerGbp;
    /// <summary>[slot * exposures + exposure] most improvement of the exposure at full response, in its unit (healthier direction positive).</summary>
    public readonly double[] MaxImprovement;
    /// <summary>[slot * diseases + disease] most proportional reduction of the disease's incidence at full response.</summary>
    public readonly double[] MaxIncidenceReduction;

    /// <summary>Reads every programme's parameters from <paramref name="parameters"/>.</summary>
    /// <exception cref="InvalidOperationException">A programme's lag is outside 0 … <see cref="ProgrammeState.MaxLagYears"/>, or a scale is not positive.</exception>
    public void Resolve(ModelParameters parameters)
    {
        Array.Clear(MaxImprovement);
        Array.Clear(MaxIncidenceReduction);
        for (int p = 0; p < Catalogue.Count; p++)
        {
            var programme = Catalogue.All[p];
            LagYears[p] = programme.LagYears(parameters);
            ScaleGbpPerHead[p] = programme.ScaleGbpPerHead(parameters);
            UnitCostGbp[p] = programme.UnitCostGbp(parameters);
            OtherBenefitPerGbp[p] = programme.OtherBenefitPerGbp(parameters);
            if (LagYears[p] < 0 || LagYears[p] > ProgrammeState.MaxLagYears)
                throw new InvalidOperationException($"Programme '{programme.Name}' has a lag of {LagYears[p]} years; lags are 0 to {ProgrammeState.MaxLagYears}.");
            if (!(ScaleGbpPerHead[p] > 0))
                throw new InvalidOperationException($"Programme '{programme.Name}' has a response scale of {ScaleGbpPerHead[p]}; it must be positive.");
            int slot = Catalogue.ZonalSlot(p);
            if (slot < 0) continue;
            foreach (var effect in programme.ExposureEffects)
                MaxImprovement[slot * ExposureCatalogue.Count + (int)effect.Exposure] += effect.MaxImprovement(parameters);
            foreach (var effect in programme.IncidenceEffects)
            {
                double reduction = effect.MaxReduction(parameters);
                foreach (var disease in effect.Diseases)
                {
                    int i = slot * DiseaseCatalogue.Count + (int)disease;
                    // Two effects on one disease combine as independent reductions.
                    MaxIncidenceReduction[i] = MaxIncidenceReduction[i] == 0 ? reduction : 1 - (1 - MaxIncidenceReduction[i]) * (1 - reduction);
                }
            }
        }
        for (int e = 0; e < ExposureCatalogue.Count; e++)
            for (int k = 0; k < SlotsChanging[e].Length; k++)
                SignedChange[e][k] = ExposureCatalogue.All[e].HealthierSign * MaxImprovement[SlotsChanging[e][k] * ExposureCatalogue.Count + e];
    }

    /// <summary>Most improvement of exposure <paramref name="exposure"/> by zonal slot <paramref name="slot"/>.</summary>
    public double MaxImprovementOf(int slot, Exposure exposure) => MaxImprovement[slot * ExposureCatalogue.Count + (int)exposure];

    /// <summary>Most incidence reduction of <paramref name="disease"/> by zonal slot <paramref name="slot"/>.</summary>
    public double MaxIncidenceReductionOf(int slot, Disease disease) => MaxIncidenceReduction[slot * DiseaseCatalogue.Count + (int)disease];

    /// <summary>True when zonal slot <paramref name="slot"/> reduces some disease's incidence.</summary>
    public bool ReducesIncidence(int slot)
    {
        for (int d = 0; d < DiseaseCatalogue.Count; d++) if (MaxIncidenceReduction[slot * DiseaseCatalogue.Count + d] > 0) return true;
        return false;
    }
}
