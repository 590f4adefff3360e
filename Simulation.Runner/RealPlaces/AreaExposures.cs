using UrbanSim.Core.Health;

namespace UrbanSim.Runner.RealPlaces;

/// <summary>A small area's start-year exposures and development land, derived as docs/places.md, 'Columns', sets out.</summary>
internal readonly record struct AreaExposures(double WalkingMinutesPerWeek, double CyclingMinutesPerWeek, double Pm25MicrogramsPerM3,
    double GreenSpaceNdvi, double ColdHomeShare, double HousePriceGbpPerM2, double SiteCapacityHomes);

/// <summary>
/// Each small area's exposures from its council's figures and its own indicators. The assumptions (not estimated from
/// data) are the constants below; everything else is read from the files.
/// </summary>
internal sealed class ExposureModel
{
    /// <summary>Assumption: NDVI within 500 m of a rural home (the model's England mean of 0.35 is a typical urban residential value).</summary>
    public const double RuralNdvi = 0.55;
    /// <summary>Assumption: change in an urban area's NDVI per doubling of the distance to the nearest park, × ln 2.</summary>
    public const double NdviPerLogParkDistance = -0.05;
    public const double MinimumUrbanNdvi = 0.15, MaximumUrbanNdvi = 0.6;
    /// <summary>Assumption: England's new-build sales price, £ per m² (the level of the synthetic world's regions, £2,700–£3,000).</summary>
    public const double EnglandNewBuildGbpPerM2 = 2_850;
    /// <summary>Assumption: half-range of new-build prices within a council, from its most to its least deprived small area (0.75× to 1.25×).</summary>
    public const double PriceSpreadWithinCouncil = 0.5;
    /// <summary>Assumption: homes a hectare of registered brownfield land holds.</summary>
    public const double HomesPerBrownfieldHectare = 40;
    /// <summary>Assumption: remediation cost of registered brownfield land, £ per home (the mean of the synthetic world's £5,000–£40,000).</summary>
    public const double RemediationGbpPerHome = 22_500;

    private readonly Geography _g;
    private readonly EnglandFigures _england;
    private readonly double[] _walkingByQuartile, _cyclingByQuartile;   // [0 most deprived … 3 least], relative to their mean
    private readonly double _coldScale, _urbanMedianParkM;
    private readonly int _lsoas;
    private readonly Dictionary<int, double> _councilParticulates = [];

    private ExposureModel(Geography g, EnglandFigures england, double[] walking, double[] cycling)
    {
        _g = g; _england = england; _walkingByQuartile = walking; _cyclingByQuartile = cycling;
        double households = g.Areas.Sum(a => a.Households), fuelPoor = g.Areas.Sum(a => a.FuelPoorHouseholds);
        _coldScale = ExposureCatalogue.Of(Exposure.ColdHomes).EnglandMean / (fuelPoor / households);
        var urban = g.Areas.Where(a => !a.Rural).Select(a => a.ParkDistanceM).Order().ToArray();
        _urbanMedianParkM = urban.Length > 0 ? urban[urban.Length / 2] : 1;
        _lsoas = g.Areas.Max(a => a.ImdRank);
        for (int c = 0; c < g.Councils.Count; c++)
        {
            var council = g.Councils[c];
            _councilParticulates[c] = council.Areas.Sum(a => g.Areas[a].Population * g.Areas[a].Particulates) / council.Population;
        }
    }

    /// <summary>England's fuel-poor share (2022), for the sources note.</summary>
    public double EnglandFuelPoorShare => ExposureCatalogue.Of(Exposure.ColdHomes).EnglandMean / _coldScale;

    public static ExposureModel? Create(string folder, Geography g, EnglandFigures england, ImportProblems problems)
    {
        var table = OpenDataTable.Read(folder, OpenDataFiles.ActiveTravelByDeprivation.Path, OpenDataFiles.ActiveTravelByDeprivation.Columns, problems);
        if (table is null) return null;
        double[]? Quartiles(string mode)
        {
            var values = new double[4];
            var found = new bool[4];
            for (int r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                if (row[table.Column("Mode")] != mode || row[table.Column("Purpose")] != "Any" || row[table.Column("Frequency")] != "At least once per week"
                    || row[table.Column("year")] != "2021") continue;
                string demographic = row[table.Column("Demographic")];
                int quartile = demographic.Length > 0 ? demographic[0] - '1' : -1;   // "1 - Least deprived quartile" … "4 - Most deprived quartile"
                if (quartile is < 0 or > 3 || table.Number(r, table.Column("percent"), problems) is not double v) continue;
                values[3 - quartile] = v;
                found[3 - quartile] = true;
            }
            if (found.All(f => f)) return values.Select(v => v / values.Average()).ToArray();
            problems.Add(table.File, 0, 0, "Demographic", $"no 2021 figures of adults {mode.ToLowerInvariant()} at least once a week for all four deprivation quartiles",
                "use the release listed in docs/places.md");
            return null;
        }
        var walking = Quartiles("Walking");
        var cycling = Quartiles("Cycling");
        return walking is null || cycling is null ? null : new ExposureModel(g, england, walking, cycling);
    }

    /// <summary>The exposures of small area <paramref name="a"/>.</summary>
    public AreaExposures Of(int a)
    {
        var area = _g.Areas[a];
        var council = _g.Councils[area.Council];
        var f = council.Figures;
        int quartile = Math.Clamp((area.ImdRank - 1) * 4 / _lsoas, 0, 3);
        double walking = ExposureCatalogue.Of(Exposure.Walking).EnglandMean * f.ActiveAdultsPercent / _england.ActiveAdultsPercent * _walkingByQuartile[quartile];
        double cycling = ExposureCatalogue.Of(Exposure.Cycling).EnglandMean * f.CyclingWeeklyPercent / _england.CyclingWeeklyPercent * _cyclingByQuartile[quartile];
        double pm25 = f.Pm25MicrogramsPerM3 * area.Particulates / _councilParticulates[area.Council];
        double ndvi = area.Rural ? RuralNdvi
            : Math.Clamp(ExposureCatalogue.Of(Exposure.GreenSpace).EnglandMean + NdviPerLogParkDistance * Math.Log(Math.Max(area.ParkDistanceM, 1) / _urbanMedianParkM), MinimumUrbanNdvi, MaximumUrbanNdvi);
        double cold = area.Households > 0 ? Math.Min(1, area.FuelPoorHouseholds / area.Households * _coldScale) : 0;
        double price = EnglandNewBuildGbpPerM2 * f.HousePriceGbp / _england.HousePriceGbp * (1 - PriceSpreadWithinCouncil * (0.5 - area.Ridit));
        return new AreaExposures(walking, cycling, pm25, ndvi, cold, price, area.BrownfieldHectares * HomesPerBrownfieldHectare);
    }
}
