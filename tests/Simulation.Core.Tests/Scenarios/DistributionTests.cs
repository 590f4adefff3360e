using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Tests.Scenarios;

public class DistributionTests
{
    [Theory]
    [InlineData(0.89, 0.83, 0.96)]
    [InlineData(1.08, 1.06, 1.09)]   // asymmetric on the log scale: the interval's log-widths are averaged
    public void LogNormal_ByMedianAnd95Interval_HasThoseQuantiles(double median, double lower, double upper)
    {
        var d = Distribution.LogNormal(median, lower, upper);
        Assert.Equal(median, d.Quantile(0.5), 12);
        // The bounds are matched exactly when they are symmetric on the log scale; otherwise the geometric mean of the widths is used.
        double halfWidth = (Math.Log(upper) - Math.Log(lower)) / 2;
        Assert.Equal(median * Math.Exp(-halfWidth), d.Quantile(0.025), 9);
        Assert.Equal(median * Math.Exp(halfWidth), d.Quantile(0.975), 9);
    }

    [Fact]
    public void LogNormal_SymmetricOnLogScale_HitsTheBoundsExactly()
    {
        double median = 0.9, lower = median / 1.1, upper = median * 1.1;
        var d = Distribution.LogNormal(median, lower, upper);
        Assert.Equal(median, d.Quantile(0.5), 12);
        Assert.Equal(lower, d.Quantile(0.025), 9);
        Assert.Equal(upper, d.Quantile(0.975), 9);
    }

    [Fact]
    public void OtherKinds_HaveTheirTextbookQuantiles()
    {
        Assert.Equal(10 + 2 * 1.959963984540054, Distribution.Normal(10, 2).Quantile(0.975), 9);
        Assert.Equal(1_275, Distribution.Uniform(1_200, 1_500).Quantile(0.25), 9);
        Assert.Equal(0.5, Distribution.Triangular(0.1, 0.5, 0.9).Quantile(0.5), 9);
        Assert.Equal(0.5, Distribution.Beta(3, 3).Quantile(0.5), 9);
    }

    public static TheoryData<Distribution> Impossible =>
    [
        Distribution.Normal(0, 0),
        Distribution.Normal(double.NaN, 1),
        Distribution.LogNormal(-1, 0.5, 2),
        Distribution.LogNormal(1, 1.2, 2),       // median below the lower bound
        Distribution.LogNormal(1, 0.5, 0.9),     // median above the upper bound
        Distribution.Uniform(2, 1),
        Distribution.Triangular(0, 2, 1),        // mode above max
        Distribution.Triangular(1, 1, 1),
        Distribution.Beta(0, 1),
        Distribution.Uniform(0, double.PositiveInfinity),
    ];

    [Theory]
    [MemberData(nameof(Impossible))]
    public void Problems_ReportsImpossibleParameters(Distribution distribution) =>
        Assert.NotEmpty(distribution.Problems());

    public static TheoryData<Distribution> Possible =>
    [
        Distribution.Normal(0, 1),
        Distribution.LogNormal(0.89, 0.83, 0.96),
        Distribution.Uniform(1, 2),
        Distribution.Triangular(0, 0, 1),
        Distribution.Beta(0.5, 2),
    ];

    [Theory]
    [MemberData(nameof(Possible))]
    public void Problems_AcceptsValidParameters(Distribution distribution) =>
        Assert.Empty(distribution.Problems());
}
