using System.Runtime.Intrinsics;
using UrbanSim.Core.Health;

namespace UrbanSim.Core.Tests.Health;

public class CompiledExposureResponseTests
{
    private static readonly ExposureLevels[] Zones =
    [
        new(0, 0, 0, 0, 0),
        new(80, 6, 9.5, 0.35, 0.06),
        new(168, 100, 25, 0.8, 0.4),
        new(2000, 900, 2, 0.05, 1),  // past the HEAT caps and the disease dose cap
    ];

    [Fact]
    public void Evaluate_EqualsTheOneAtATimeFunctions()
    {
        var p = ExposureResponseParameters.Default;
        var compiled = new CompiledExposureResponse(p);
        Span<double> allCause = stackalloc double[5];
        Span<double> disease = stackalloc double[4];
        foreach (var zone in Zones)
        {
            compiled.Evaluate(zone, allCause, disease);
            for (int e = 0; e < 5; e++)
                Assert.Equal(ExposureResponse.RelativeRisk(p, (Exposure)e, zone), allCause[e], 12);
            for (int d = 0; d < 4; d++)
                Assert.Equal(ExposureResponse.DiseaseIncidenceRelativeRisk(p, (Disease)d, zone), disease[d], 12);
        }
    }

    [Fact]
    public void Evaluate4_EqualsTheScalarEvaluationZoneByZone()
    {
        var compiled = new CompiledExposureResponse(ExposureResponseParameters.Default with { Pm25RelativeRiskPer10MicrogramsPerM3 = 1.06 });
        Assert.True(compiled.SupportsVectors);
        Vector256<double> Column(Func<ExposureLevels, double> f) => Vector256.Create(f(Zones[0]), f(Zones[1]), f(Zones[2]), f(Zones[3]));
        Span<Vector256<double>> allCause4 = new Vector256<double>[5];
        Span<Vector256<double>> disease4 = new Vector256<double>[4];
        compiled.Evaluate4(Column(z => z.WalkingMinutesPerWeek), Column(z => z.CyclingMinutesPerWeek), Column(z => z.Pm25MicrogramsPerM3),
            Column(z => z.GreenSpaceNdvi), Column(z => z.ColdHomeShare), allCause4, disease4);
        Span<double> allCause = stackalloc double[5];
        Span<double> disease = stackalloc double[4];
        for (int zone = 0; zone < 4; zone++)
        {
            compiled.Evaluate(Zones[zone], allCause, disease);
            for (int e = 0; e < 5; e++)
                Assert.Equal(allCause[e], allCause4[e].GetElement(zone), 1e-14 * Math.Abs(allCause[e]));
            for (int d = 0; d < 4; d++)
                Assert.Equal(disease[d], disease4[d].GetElement(zone), 1e-14 * Math.Abs(disease[d]));
        }
    }

    [Fact]
    public void Evaluate4_RefusesOtherDoseResponsePowers()
    {
        var compiled = new CompiledExposureResponse(ExposureResponseParameters.Default with { DiseaseDoseResponsePower = 0.25 });
        Assert.False(compiled.SupportsVectors);
        var v = Vector256.Create(1.0);
        Assert.Throws<InvalidOperationException>(() => compiled.Evaluate4(v, v, v, v, v, new Vector256<double>[5], new Vector256<double>[4]));
    }
}
