using UrbanSim.Core.Engine;
using UrbanSim.Core.Health;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Tests.Health;

public class AbridgedLifeTableTests
{
    private static double[] Constant(double value)
    {
        var values = new double[AgeBands.Count];
        Array.Fill(values, value);
        return values;
    }

    // The Chiang recursion written out independently, step by step, with one named array per column.
    private static (double[] lx, double[] nLx) ChiangWrittenOut(double[] mx)
    {
        int[] startAge = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85];
        var n = new double[19];
        var ax = new double[19];
        var qx = new double[19];
        var lx = new double[19];
        var dx = new double[19];
        var nLx = new double[19];
        for (int i = 0; i < 18; i++) n[i] = startAge[i + 1] - startAge[i];
        for (int i = 0; i < 18; i++) ax[i] = i == 0 ? 0.1 : n[i] / 2;
        for (int i = 0; i < 18; i++) qx[i] = Math.Min(1, n[i] * mx[i] / (1 + (n[i] - ax[i]) * mx[i]));
        lx[0] = 1;
        for (int i = 0; i < 18; i++)
        {
            dx[i] = lx[i] * qx[i];
            lx[i + 1] = lx[i] - dx[i];
        }
        for (int i = 0; i < 18; i++) nLx[i] = n[i] * lx[i + 1] + ax[i] * dx[i];
        nLx[18] = lx[18] / mx[18];
        return (lx, nLx);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.02)]
    [InlineData(0.3)]
    public void ConstantDeathRate_MatchesChiangRecursionWrittenOut(double rate)
    {
        double[] mx = Constant(rate);
        var (lx, nLx) = ChiangWrittenOut(mx);

        Assert.Equal(nLx.Sum(), AbridgedLifeTable.LifeExpectancyAtBirthYears(mx), 10);
        Assert.Equal(nLx[10..].Sum() / lx[10], AbridgedLifeTable.LifeExpectancyAtAgeYears(mx, 10), 10);
        var personYears = new double[AgeBands.Count];
        AbridgedLifeTable.PersonYearsLived(mx, personYears);
        for (int b = 0; b < AgeBands.Count; b++) Assert.Equal(nLx[b], personYears[b], 12);
    }

    [Fact]
    public void NoDeathsBeforeOpenBand_LifeExpectancyIs85PlusOneOverOpenRate()
    {
        double[] mx = Constant(0);
        mx[AgeBands.OpenBand] = 0.2;

        // Everyone reaches 85 (85 person-years each), then lives 1/0.2 = 5 years on average.
        Assert.Equal(90.0, AbridgedLifeTable.LifeExpectancyAtBirthYears(mx), 12);
        Assert.Equal(5.0, AbridgedLifeTable.LifeExpectancyAtAgeYears(mx, AgeBands.OpenBand), 12);
        Assert.Equal(15.0, AbridgedLifeTable.LifeExpectancyAtAgeYears(mx, 16), 12); // from 75: 10 years to 85, then 5.
    }

    [Fact]
    public void EnglandReferenceRates_GiveHandComputedLifeExpectancies()
    {
        // Expected values computed independently in Python (plain loops of the same Chiang formulas)
        // from the rounded ONS 2017-19 rates in EnglandReference and these good-health shares
        // (Census 2021, rounded; fixed here so the check does not move when calibration does).
        ReadOnlySpan<double> mx = EnglandReference.DeathRatePerPersonYear;
        ReadOnlySpan<double> good = CensusGoodHealthShares;

        Assert.Equal(81.388956657153, AbridgedLifeTable.LifeExpectancyAtBirthYears(mx), 9);
        Assert.Equal(67.357142212341, AbridgedLifeTable.HealthyLifeExpectancyAtBirthYears(mx, good), 9);
        Assert.Equal(20.282449433960, AbridgedLifeTable.LifeExpectancyAtAgeYears(mx, 14), 9);
        Assert.Equal(12.134764706816, AbridgedLifeTable.HealthyLifeExpectancyAtAgeYears(mx, good, 14), 9);
    }

    [Fact]
    public void Sullivan_EveryoneHealthy_EqualsLifeExpectancy()
    {
        ReadOnlySpan<double> mx = EnglandReference.DeathRatePerPersonYear;
        double le = AbridgedLifeTable.LifeExpectancyAtBirthYears(mx);
        Assert.Equal(le, AbridgedLifeTable.HealthyLifeExpectancyAtBirthYears(mx, Constant(1)), 12);
    }

    [Fact]
    public void Sullivan_HalfHealthyEverywhere_EqualsHalfLifeExpectancy()
    {
        ReadOnlySpan<double> mx = EnglandReference.DeathRatePerPersonYear;
        double le = AbridgedLifeTable.LifeExpectancyAtBirthYears(mx);
        Assert.Equal(le / 2, AbridgedLifeTable.HealthyLifeExpectancyAtBirthYears(mx, Constant(0.5)), 12);
        Assert.Equal(AbridgedLifeTable.LifeExpectancyAtAgeYears(mx, 12) / 2,
            AbridgedLifeTable.HealthyLifeExpectancyAtAgeYears(mx, Constant(0.5), 12), 12);
    }

    [Fact]
    public void HigherMortality_LowersLifeExpectancy()
    {
        double[] higher = EnglandReference.DeathRatePerPersonYear.ToArray();
        for (int b = 0; b < higher.Length; b++) higher[b] *= 1.2;
        Assert.True(AbridgedLifeTable.LifeExpectancyAtBirthYears(higher)
                    < AbridgedLifeTable.LifeExpectancyAtBirthYears(EnglandReference.DeathRatePerPersonYear));
    }

    [Fact]
    public void ProbabilityOfDyingIsCappedAtOne_NobodySurvivesAndLaterBandsReportZero()
    {
        double[] mx = Constant(0.01);
        mx[0] = 1e6; // q0 = 1e6 / (1 + 0.9e6) > 1 before the cap.

        // All die in the first year, living 0.1 years on average.
        Assert.Equal(0.1, AbridgedLifeTable.LifeExpectancyAtBirthYears(mx), 12);
        Assert.Equal(0.0, AbridgedLifeTable.LifeExpectancyAtAgeYears(mx, 5));
    }

    [Fact]
    public void ZeroOpenBandRate_GivesFiniteLifeExpectancy()
    {
        double[] mx = EnglandReference.DeathRatePerPersonYear.ToArray();
        mx[AgeBands.OpenBand] = 0;
        double le = AbridgedLifeTable.LifeExpectancyAtBirthYears(mx);
        Assert.True(double.IsFinite(le));
        Assert.True(le > 1000);
    }

    [Fact]
    public void WrongNumberOfBands_Throws()
    {
        Assert.Throws<ArgumentException>(() => AbridgedLifeTable.LifeExpectancyAtBirthYears(new double[5]));
        Assert.Throws<ArgumentException>(() =>
            AbridgedLifeTable.HealthyLifeExpectancyAtBirthYears(EnglandReference.DeathRatePerPersonYear, new double[18]));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            AbridgedLifeTable.LifeExpectancyAtAgeYears(EnglandReference.DeathRatePerPersonYear, AgeBands.Count));
    }

    [Fact]
    public void NegativeDeathRate_Throws()
    {
        double[] mx = Constant(0.01);
        mx[3] = -0.001;
        Assert.Throws<ArgumentOutOfRangeException>(() => AbridgedLifeTable.LifeExpectancyAtBirthYears(mx));
    }

    [Fact]
    public void LifeTableFunctions_AllocateNothing()
    {
        double[] mx = EnglandReference.DeathRatePerPersonYear.ToArray();
        double[] good = EnglandReference.ShareInGoodHealth.ToArray();
        var personYears = new double[AgeBands.Count];
        double sink = Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) sink += Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(sink > 0);

        double Run()
        {
            AbridgedLifeTable.PersonYearsLived(mx, personYears);
            return AbridgedLifeTable.LifeExpectancyAtBirthYears(mx)
                   + AbridgedLifeTable.HealthyLifeExpectancyAtBirthYears(mx, good)
                   + AbridgedLifeTable.HealthyLifeExpectancyAtAgeYears(mx, good, 13)
                   + personYears[4];
        }
    }

    /// <summary>Census 2021 England good or very good health by band, rounded: the inputs of the hand computations.</summary>
    internal static readonly double[] CensusGoodHealthShares =
        [0.97, 0.97, 0.97, 0.96, 0.95, 0.94, 0.93, 0.92, 0.90, 0.88, 0.85, 0.81, 0.77, 0.73, 0.70, 0.66, 0.60, 0.53, 0.45];

    [Fact]
    public void ExpectanciesAtBirth_EqualTheSeparateLifeAndHealthyLifeExpectancies()
    {
        var draws = new ReplicationRandom(7, 0);   // the project's counter-based draws
        for (int trial = 0; trial < 50; trial++)
        {
            var mx = new double[AgeBands.Count];
            var good = new double[AgeBands.Count];
            for (int b = 0; b < AgeBands.Count; b++)
            {
                mx[b] = 0.3 * Math.Pow(draws.Uniform(RngStream.World, trial, b, 0), 3);
                good[b] = draws.Uniform(RngStream.World, trial, b, 1);
            }
            var (le, hle) = AbridgedLifeTable.ExpectanciesAtBirthYears(mx, good);
            Assert.Equal(AbridgedLifeTable.LifeExpectancyAtBirthYears(mx), le);
            Assert.Equal(AbridgedLifeTable.HealthyLifeExpectancyAtBirthYears(mx, good), hle);
        }
    }

    [Fact]
    public void FourTablesAtOnce_EqualFourSeparateTablesBitForBit()
    {
        var draws = new ReplicationRandom(11, 0);
        const int lanes = AbridgedLifeTable.Lanes;
        var le = new double[lanes];
        var hle = new double[lanes];
        for (int trial = 0; trial < 50; trial++)
        {
            var mx = new double[AgeBands.Count * lanes];
            var good = new double[AgeBands.Count * lanes];
            for (int i = 0; i < mx.Length; i++)
            {
                // Rates from 0 to 2 a year: some tables have a band where everyone dies (qx capped at 1),
                // and open-band rates of 0 take the floor.
                mx[i] = 2 * Math.Pow(draws.Uniform(RngStream.World, trial, i, 0), 6);
                if (i / lanes == AgeBands.OpenBand && i % lanes == trial % lanes) mx[i] = 0;
                good[i] = draws.Uniform(RngStream.World, trial, i, 1);
            }
            AbridgedLifeTable.ExpectanciesAtBirthYears4(mx, good, le, hle);
            for (int table = 0; table < lanes; table++)
            {
                var tableMx = new double[AgeBands.Count];
                var tableGood = new double[AgeBands.Count];
                for (int b = 0; b < AgeBands.Count; b++) { tableMx[b] = mx[b * lanes + table]; tableGood[b] = good[b * lanes + table]; }
                var (oneLe, oneHle) = AbridgedLifeTable.ExpectanciesAtBirthYears(tableMx, tableGood);
                Assert.Equal(BitConverter.DoubleToInt64Bits(oneLe), BitConverter.DoubleToInt64Bits(le[table]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(oneHle), BitConverter.DoubleToInt64Bits(hle[table]));
            }
        }
    }

    [Theory]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void FourTablesAtOnce_InvalidDeathRateInAnyLane_Throws(double rate)
    {
        var mx = new double[AgeBands.Count * AbridgedLifeTable.Lanes];
        Array.Fill(mx, 0.01);
        mx[7 * AbridgedLifeTable.Lanes + 2] = rate;
        var good = new double[mx.Length];
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            AbridgedLifeTable.ExpectanciesAtBirthYears4(mx, good, new double[AbridgedLifeTable.Lanes], new double[AbridgedLifeTable.Lanes]));
    }
}
