using System.Runtime.Intrinsics;
using UrbanSim.Core.Health;

namespace UrbanSim.Core.Tests.Health;

public class CompiledExposureResponseTests
{
    private static readonly ExposureLevels[] Zones =
    [
        new(0, 0, 0, 0, 0, 0),
        new(80, 6, 9.5, 0.35, 0.06, 16),
        new(168, 100, 25, 0.8, 0.4, 45),
        new(2000, 900, 2, 0.05, 1, 3),  // past the HEAT caps and the disease dose cap
    ];

    [Fact]
    public void Evaluate_EqualsTheOneAtATimeFunctions()
    {
        var p = ExposureResponseParameters.Default;
        var compiled = new CompiledExposureResponse(p);
        Span<double> allCause = stackalloc double[ExposureCatalogue.Count];
        Span<double> disease = stackalloc double[4];
        foreach (var zone in Zones)
        {
            compiled.Evaluate(zone, allCause, disease);
            for (int e = 0; e < ExposureCatalogue.Count; e++)
                Assert.Equal(ExposureResponse.RelativeRisk(p, (Exposure)e, zone), allCause[e], 12);
            for (int d = 0; d < 4; d++)
                Assert.Equal(ExposureResponse.DiseaseIncidenceRelativeRisk(p, (Disease)d, zone), disease[d], 12);
        }
    }

    [Fact]
    public void Evaluate8_EqualsTheScalarEvaluationZoneByZoneToSinglePrecision()
    {
        var compiled = new CompiledExposureResponse(ExposureResponseParameters.Default with { Pm25RelativeRiskPer10MicrogramsPerM3 = 1.06 });
        Assert.True(compiled.SupportsVectors);
        // Eight zones: the test zones, then the same zones in reverse order, so every lane is checked.
        ExposureLevels ZoneOfLane(int lane) => Zones[lane < 4 ? lane : 7 - lane];
        Vector256<float> Column(Func<ExposureLevels, double> f) => Vector256.Create(
            (float)f(ZoneOfLane(0)), (float)f(ZoneOfLane(1)), (float)f(ZoneOfLane(2)), (float)f(ZoneOfLane(3)),
            (float)f(ZoneOfLane(4)), (float)f(ZoneOfLane(5)), (float)f(ZoneOfLane(6)), (float)f(ZoneOfLane(7)));
        Span<Vector256<float>> allCause8 = new Vector256<float>[ExposureCatalogue.Count];
        Span<Vector256<float>> disease8 = new Vector256<float>[4];
        compiled.Evaluate8(Column(z => z.WalkingMinutesPerWeek), Column(z => z.CyclingMinutesPerWeek), Column(z => z.Pm25MicrogramsPerM3),
            Column(z => z.GreenSpaceNdvi), Column(z => z.ColdHomeShare), Column(z => z.No2MicrogramsPerM3), allCause8, disease8);
        Span<double> allCause = stackalloc double[ExposureCatalogue.Count];
        Span<double> disease = stackalloc double[4];
        for (int lane = 0; lane < 8; lane++)
        {
            compiled.Evaluate(ZoneOfLane(lane), allCause, disease);
            for (int e = 0; e < ExposureCatalogue.Count; e++)
                Assert.Equal(allCause[e], allCause8[e].GetElement(lane), 1e-6 * Math.Abs(allCause[e]));
            for (int d = 0; d < 4; d++)
                Assert.Equal(disease[d], disease8[d].GetElement(lane), 1e-6 * Math.Abs(disease[d]));
        }
    }

    [Fact]
    public void Evaluate8_RefusesOtherDoseResponsePowers()
    {
        var compiled = new CompiledExposureResponse(ExposureResponseParameters.Default with { DiseaseDoseResponsePower = 0.25 });
        Assert.False(compiled.SupportsVectors);
        var v = Vector256.Create(1f);
        Assert.Throws<InvalidOperationException>(() => compiled.Evaluate8(v, v, v, v, v, v, new Vector256<float>[ExposureCatalogue.Count], new Vector256<float>[4]));
    }
}
