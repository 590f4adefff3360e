using UrbanSim.Core.Health;

namespace UrbanSim.Core.Tests.Health;

public class SlopeIndexOfInequalityTests
{
    [Fact]
    public void ExactLinearGradientInRidit_GivesItsSlope()
    {
        // Ten equal deciles: ridits 0.05, 0.15, ..., 0.95; value = 55 + 18 * ridit.
        var population = new double[10];
        var value = new double[10];
        for (int i = 0; i < 10; i++)
        {
            population[i] = 5_000;
            value[i] = 55 + 18 * (0.05 + 0.1 * i);
        }
        Assert.Equal(18.0, SlopeIndexOfInequality.Compute(value, population), 10);
    }

    [Fact]
    public void ExactLinearGradientWithUnequalPopulations_GivesItsSlope()
    {
        double[] population = [100, 300, 50, 250];
        var value = new double[4];
        double cumulative = 0, total = population.Sum();
        for (int i = 0; i < 4; i++)
        {
            double ridit = cumulative + population[i] / total / 2;
            value[i] = 70 - 4 * ridit;
            cumulative += population[i] / total;
        }
        Assert.Equal(-4.0, SlopeIndexOfInequality.Compute(value, population), 10);
    }

    [Fact]
    public void EqualValues_GiveZero()
    {
        Assert.Equal(0.0, SlopeIndexOfInequality.Compute([63, 63, 63, 63], [1, 5, 2, 9]), 12);
    }

    [Fact]
    public void UnequalPopulations_ShiftRidits_HandComputed()
    {
        // Populations 2, 1, 1: shares 0.5, 0.25, 0.25, ridits 0.25, 0.625, 0.875, weighted mean ridit 0.5.
        // Mean value = 0.5*60 + 0.25*70 + 0.25*72 = 65.5.
        // Cov = 0.5(-0.25)(-5.5) + 0.25(0.125)(4.5) + 0.25(0.375)(6.5) = 23/16.
        // Var = 0.5(0.0625) + 0.25(0.015625) + 0.25(0.140625) = 9/128.  Slope = (23/16) / (9/128) = 184/9.
        Assert.Equal(184.0 / 9.0, SlopeIndexOfInequality.Compute([60, 70, 72], [2, 1, 1]), 10);

        // The same values with equal populations sit at ridits 1/6, 1/2, 5/6: slope = (4/3) / (2/27) = 18.
        Assert.Equal(18.0, SlopeIndexOfInequality.Compute([60, 70, 72], [1, 1, 1]), 10);
    }

    [Fact]
    public void LessDeprivedHealthier_GivesPositiveGap()
    {
        double[] hleMostDeprivedFirst = [52, 55, 57, 59, 61, 63, 65, 67, 69, 71];
        double[] population = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
        Assert.True(SlopeIndexOfInequality.Compute(hleMostDeprivedFirst, population) > 0);
    }

    [Fact]
    public void EmptyGroup_IsIgnored()
    {
        double withEmpty = SlopeIndexOfInequality.Compute([60, 999, 70], [1, 0, 1]);
        double without = SlopeIndexOfInequality.Compute([60, 70], [1, 1]);
        Assert.Equal(without, withEmpty, 12);
        Assert.Equal(20.0, without, 12); // ridits 0.25 and 0.75, values 60 and 70.
    }

    [Fact]
    public void FewerThanTwoPopulatedGroups_Throws()
    {
        Assert.Throws<ArgumentException>(() => SlopeIndexOfInequality.Compute([60, 70], [0, 5]));
        Assert.Throws<ArgumentException>(() => SlopeIndexOfInequality.Compute([60, 70], [0, 0]));
        Assert.Throws<ArgumentException>(() => SlopeIndexOfInequality.Compute([60, 70], [1]));
        Assert.Throws<ArgumentException>(() => SlopeIndexOfInequality.Compute([60, 70], [1, -1]));
    }

    [Fact]
    public void Compute_AllocatesNothing()
    {
        double[] value = [52, 55, 57, 59, 61, 63, 65, 67, 69, 71];
        double[] population = [9, 8, 7, 6, 5, 5, 6, 7, 8, 9];
        double sink = SlopeIndexOfInequality.Compute(value, population);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) sink += SlopeIndexOfInequality.Compute(value, population);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sink > 0);
    }
}
