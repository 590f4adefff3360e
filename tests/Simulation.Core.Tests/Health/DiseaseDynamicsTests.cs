using System.Runtime.Intrinsics;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Health;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Tests.Health;

public class DiseaseDynamicsTests
{
    public static TheoryData<Disease, double> Diseases => new()
    {
        { Disease.Cardiovascular, 0 },
        { Disease.Type2Diabetes, 0 },
        { Disease.ChronicRespiratory, 0 },
        { Disease.CommonMentalDisorder, 0.5 },
    };

    /// <summary>
    /// One year of the rule the incidence is solved for: a share 1 − m/(1 + m/2) of each band survives (the engine's deaths); those staying in
    /// the band (1 − 1/width) and those arriving from the band below (1/width of its survivors) each take their band's
    /// prevalence after incidence on the disease-free and remission on the diseased.
    /// </summary>
    private static double Survival(double m) => 1 - m / (1 + 0.5 * m);

    private static double[] OneYear(ReadOnlySpan<double> prevalence, ReadOnlySpan<double> share, ReadOnlySpan<double> deathRate,
        double remission, ReadOnlySpan<double> incidence)
    {
        int bands = AgeBands.Count;
        var after = new double[bands];
        for (int b = 0; b < bands; b++)
        {
            double survivors = share[b] * Survival(deathRate[b]);
            double stay = b == AgeBands.OpenBand ? 1 : 1 - 1.0 / AgeBands.WidthYears(b);
            double q = prevalence[b] + incidence[b] * (1 - prevalence[b]) - remission * prevalence[b];
            double staying = survivors * stay, diseasedStaying = staying * q;
            double arriving = 0, diseasedArriving = 0;
            if (b > 0)
            {
                double below = share[b - 1] * Survival(deathRate[b - 1]);
                double qBelow = prevalence[b - 1] + incidence[b - 1] * (1 - prevalence[b - 1]) - remission * prevalence[b - 1];
                arriving = below / AgeBands.WidthYears(b - 1);
                diseasedArriving = arriving * qBelow;
            }
            after[b] = staying + arriving > 0 ? (diseasedStaying + diseasedArriving) / (staying + arriving) : 0;
        }
        return after;
    }

    [Theory]
    [MemberData(nameof(Diseases))]
    public void SteadyStateIncidence_KeepsNationalPrevalenceForOneYear(Disease disease, double remission)
    {
        var prevalence = DiseaseCatalogue.Of(disease).Prevalence.ToArray();
        var incidence = new double[AgeBands.Count];
        DiseaseDynamics.SteadyStateIncidence(prevalence, DiseaseBaseline.PopulationShare, EnglandReference.DeathRatePerPersonYear, remission, incidence);

        var after = OneYear(prevalence, DiseaseBaseline.PopulationShare, EnglandReference.DeathRatePerPersonYear, remission, incidence);

        int checkedBands = 0;
        for (int b = 1; b < AgeBands.Count; b++)
        {
            Assert.InRange(incidence[b], 0, 1);
            if (incidence[b] <= 0 || incidence[b] >= 1) continue;   // clamped: prevalence falls faster than remission explains
            Assert.Equal(prevalence[b], after[b], 12);
            checkedBands++;
        }
        Assert.True(checkedBands >= 10, $"only {checkedBands} bands had unclamped incidence");
    }

    [Fact]
    public void SteadyStateIncidence_RisesWithPrevalenceGrowthAcrossAge()
    {
        var incidence = new double[AgeBands.Count];
        DiseaseDynamics.SteadyStateIncidence(DiseaseCatalogue.Of(Disease.Cardiovascular).Prevalence.AsSpan(), DiseaseBaseline.PopulationShare,
            EnglandReference.DeathRatePerPersonYear, 0, incidence);
        // CVD prevalence climbs steeply with age, so incidence at 70–74 far exceeds that at 30–34.
        Assert.True(incidence[15] > 10 * incidence[7]);
    }

    [Theory]
    [MemberData(nameof(Diseases))]
    public void AZoneWithAnEmptyAgeBand_GetsAFiniteIncidenceInEveryBand(Disease disease, double remission)
    {
        // Found on England's LSOAs: a student area with nobody in one band divided by zero, and the NaN spread to
        // every total. The empty band keeps England's prevalence; its incidence only offsets remission.
        var definition = DiseaseCatalogue.All[(int)disease];
        var share = DiseaseBaseline.PopulationShare.ToArray();
        int empty = 3;
        share[empty] = 0;
        var incidence = new double[AgeBands.Count];
        DiseaseDynamics.SteadyStateIncidence(definition.Prevalence.AsSpan(), share, EnglandReference.DeathRatePerPersonYear, remission, incidence);
        Assert.All(incidence, i => Assert.InRange(i, 0, 1));
        double p = definition.Prevalence[empty];
        Assert.Equal(p < 1 ? remission * p / (1 - p) : 0, incidence[empty], 12);
    }

    [Fact]
    public void FourDiseasesAtOnce_GiveTheSameBitsAsEachDiseaseAlone_IncludingEmptyBandsAndFullPrevalence()
    {
        // The set-up solves a zone's four diseases in the lanes of one vector; the reference kernel solves them one by
        // one. Inputs from the project's counter-based streams, with the edge cases a small zone meets: empty bands,
        // prevalence 0 and 1, death rates above 2 a year (everyone dies).
        double Draw(int i, int k) => CounterRng.Uniform(20261208, 0, RngStream.World, 0, i, k);
        int bands = AgeBands.Count;
        var share = new double[bands];
        var deathRate = new double[bands];
        var prevalence = new double[4][];
        var alone = new double[bands];
        Span<Vector256<double>> prevalence4 = new Vector256<double>[bands], incidence4 = new Vector256<double>[bands];
        for (int trial = 0; trial < 300; trial++)
        {
            for (int b = 0; b < bands; b++)
            {
                share[b] = Draw(trial, b) < 0.15 ? 0 : Draw(trial, 100 + b) / bands;
                deathRate[b] = Draw(trial, 200 + b) < 0.05 ? 3 : EnglandReference.DeathRatePerPersonYear[b] * (0.5 + Draw(trial, 300 + b));
            }
            for (int d = 0; d < 4; d++)
            {
                prevalence[d] = new double[bands];
                for (int b = 0; b < bands; b++)
                {
                    double u = Draw(trial, 1000 * (d + 1) + b);
                    prevalence[d][b] = u < 0.05 ? 0 : u > 0.95 ? 1 : u * 0.6;
                }
            }
            for (int b = 0; b < bands; b++) prevalence4[b] = Vector256.Create(prevalence[0][b], prevalence[1][b], prevalence[2][b], prevalence[3][b]);
            double[] remission = [0, Draw(trial, 9000) * 0.2, 0, 0.5];
            DiseaseDynamics.SteadyStateIncidence4(prevalence4, share, deathRate, Vector256.Create(remission), incidence4);
            for (int d = 0; d < 4; d++)
            {
                DiseaseDynamics.SteadyStateIncidence(prevalence[d], share, deathRate, remission[d], alone);
                for (int b = 0; b < bands; b++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(alone[b]), BitConverter.DoubleToInt64Bits(incidence4[b].GetElement(d)));
            }
        }
    }
}
