using System.Collections.Immutable;
using System.Globalization;
using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Runner.RealPlaces;

/// <summary>
/// How a built world's start year compares with ONS for one authority. LE and HLE are population-weighted means over
/// councils (ONS) and over zones (the model), with Census 2021 residents as weights.
/// </summary>
internal sealed record AuthorityCheck(string Authority, string Code, CapacityClass Capacity, double Population, int Zones, int Councils, int CouncilsWithHle,
    double HlePopulationShare, double OnsLeYears, double ModelLeYears, double? OnsHleYears, double? ModelHlePublishedCouncilsYears, double ModelHleYears, string Icbs)
{
    /// <summary>The header of a checks CSV file, in the order of <see cref="CsvRow"/>.</summary>
    public const string CsvHeader = "authority,authority_code,capacity,population,zones,councils,councils_with_hle,hle_population_share," +
                                    "ons_le_years,model_le_years,ons_hle_years,model_hle_published_councils_years,model_hle_years,icbs";

    public string CsvRow() => string.Join(',', Output.Csv.Text(Authority), Code, Capacity.ToString().ToLowerInvariant(),
        F(Population, 0), Zones.ToString(CultureInfo.InvariantCulture), Councils.ToString(CultureInfo.InvariantCulture), CouncilsWithHle.ToString(CultureInfo.InvariantCulture),
        F(HlePopulationShare, 4), F(OnsLeYears, 3), F(ModelLeYears, 3), OnsHleYears is double o ? F(o, 3) : "", ModelHlePublishedCouncilsYears is double m ? F(m, 3) : "",
        F(ModelHleYears, 3), Output.Csv.Text(Icbs));

    private static string F(double v, int decimals) => v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>A built world: its zones (as the file holds them), the comparison with ONS by authority, and the comment lines naming its sources.</summary>
internal sealed record BuiltPlaces(ImmutableArray<ZoneRecord> Zones, IReadOnlyList<AuthorityCheck> Checks, IReadOnlyList<string> Comments);

/// <summary>
/// <c>urbansim places build</c>'s work: reads the official files, calibrates every council of England to ONS's LE and
/// HLE, and builds the zones of the chosen authorities at the chosen level. Bad input gives problems, never an exception.
/// </summary>
internal static class PlacesBuilder
{
    /// <summary>What <c>--authorities</c> accepts besides names and codes.</summary>
    public const string MayoralAuthorities = "mcas", AllOfEngland = "england";

    public static BuiltPlaces? Build(string folder, PlaceLevel level, string? authorities, List<ValidationProblem> problems)
    {
        var found = new ImportProblems();
        var result = Build(folder, level, authorities, found);
        problems.AddRange(found.List);
        if (found.Count > found.List.Count)
            problems.Add(new ValidationProblem(folder, 0, 0, "", $"and {found.Count - found.List.Count} more problems like these", "fix the ones above first; they usually share one cause"));
        return result;
    }

    private static BuiltPlaces? Build(string folder, PlaceLevel level, string? authorities, ImportProblems problems)
    {
        if (!Directory.Exists(folder))
        {
            problems.Add(folder, 0, 0, "--from", "folder not found", "give the folder holding the official files in the layout of docs/places.md (e.g. ../shared/data/england)");
            return null;
        }
        var g = Geography.Read(folder, problems);
        if (g is null) return null;
        var selected = Select(g, authorities, problems);
        if (selected is null) return null;
        if (!SmallAreaData.Read(folder, g, problems)) return null;
        foreach (var council in g.Councils) council.Population = council.Areas.Sum(a => g.Areas[a].Population);
        var read = CouncilFigureReader.Read(folder, g, Enumerable.Range(0, g.Councils.Count).ToList(), problems);
        if (read is null) return null;
        foreach (var (c, figures) in read.Value.Figures) g.Councils[c].Figures = figures;
        var regression = HealthCalibration.Calibrate(g, problems);
        if (regression is null) return null;
        if (level == PlaceLevel.Msoa)
        {
            // Calibrated again at the resolution of the zones, keeping each council's LSOA-level slope of HLE.
            var gaps = HealthCalibration.HleGaps(g);
            g = g.ToMsoas();
            regression = HealthCalibration.Calibrate(g, problems, gaps);
            if (regression is null) return null;
        }
        var exposures = ExposureModel.Create(folder, g, read.Value.England, problems);
        if (exposures is null) return null;
        var zones = ZoneBuilder.Build(g, exposures, selected, level).Select(ZonesFile.Rounded).ToImmutableArray();
        var checks = selected.Select(a => Check(g, a, zones)).ToList();
        return new BuiltPlaces(zones, checks, Comments(level, authorities, regression, exposures, problems.Notes));
    }

    /// <summary>The authorities <paramref name="list"/> names (default: the mayoral ones and London), in code order.</summary>
    private static List<Authority>? Select(Geography g, string? list, ImportProblems problems)
    {
        string text = string.IsNullOrWhiteSpace(list) ? MayoralAuthorities : list.Trim();
        if (text.Equals(AllOfEngland, StringComparison.OrdinalIgnoreCase)) return g.Authorities;
        if (text.Equals(MayoralAuthorities, StringComparison.OrdinalIgnoreCase)) return [.. g.Authorities.Where(a => a.Mayoral)];
        var chosen = new List<Authority>();
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var authority = g.Authorities.FirstOrDefault(a => a.Code.Equals(item, StringComparison.OrdinalIgnoreCase) || a.Name.Equals(item, StringComparison.OrdinalIgnoreCase));
            if (authority is null)
            {
                string? nearest = NameSuggestion.Nearest(item, g.Authorities.Select(a => a.Name));
                problems.Add("--authorities", 0, 0, "", $"'{item}' is not an authority of the lookups",
                    nearest is not null ? $"did you mean '{nearest}'?" : $"give {MayoralAuthorities}, {AllOfEngland}, or names or ONS codes separated by commas: {string.Join(", ", g.Authorities.Where(a => a.Mayoral).Select(a => a.Name))}");
                continue;
            }
            if (!chosen.Contains(authority)) chosen.Add(authority);
        }
        if (chosen.Count == 0 && !problems.Any) problems.Add("--authorities", 0, 0, "", "no authority given", $"give {MayoralAuthorities}, {AllOfEngland}, or names or codes separated by commas");
        return problems.Any ? null : [.. chosen.OrderBy(a => a.Code, StringComparer.Ordinal)];
    }

    private static AuthorityCheck Check(Geography g, Authority authority, ImmutableArray<ZoneRecord> zones)
    {
        var councils = g.Councils.Where(c => c.Authority.Code == authority.Code).ToList();
        var published = councils.Where(c => c.Figures.HleYears is not null).ToList();
        double people = councils.Sum(c => c.Population), publishedPeople = published.Sum(c => c.Population);
        var own = zones.Where(z => z.Region == authority.Name).ToList();
        double zonePeople = own.Sum(z => z.Population);
        var health = own.Select(z => LocalHealth.ExpectanciesYears(z.MortalityRatio!.Value, z.IllHealthOddsRatio!.Value)).ToList();
        double? onsHle = published.Count > 0 ? published.Sum(c => c.Population * c.Figures.HleYears!.Value) / publishedPeople : null;
        double? modelPublished = published.Count > 0
            ? published.SelectMany(c => c.Areas).Sum(a => g.Areas[a].Population * g.Areas[a].HleYears) / publishedPeople : null;
        var icbs = g.Areas.Where(a => g.Councils[a.Council].Authority.Code == authority.Code).GroupBy(a => a.IcbName)
            .OrderByDescending(i => i.Sum(a => a.Population)).ThenBy(i => i.Key, StringComparer.Ordinal).Select(i => i.Key);
        return new AuthorityCheck(authority.Name, authority.Code, authority.Capacity, zonePeople, own.Count, councils.Count, published.Count,
            people > 0 ? publishedPeople / people : 0,
            councils.Sum(c => c.Population * c.Figures.LeYears) / people,
            own.Select((z, i) => z.Population * health[i].LifeExpectancyYears).Sum() / zonePeople,
            onsHle, modelPublished,
            own.Select((z, i) => z.Population * health[i].HealthyLifeExpectancyYears).Sum() / zonePeople,
            string.Join("; ", icbs));
    }

    private static List<string> Comments(PlaceLevel level, string? authorities, IllHealthRegression regression, ExposureModel exposures, List<string> notes)
    {
        string what = level switch
        {
            PlaceLevel.Lsoa => "one zone per 2021 LSOA",
            PlaceLevel.Msoa => "one zone per 2021 MSOA",
            _ => "one zone per authority and IMD 2025 decile (aggregates of 2021 LSOAs)",
        };
        string selection = string.IsNullOrWhiteSpace(authorities) ? MayoralAuthorities : authorities.Trim();
        var lines = new List<string>
        {
            $"UrbanSim zones built by `urbansim places build --level {level.ToString().ToLowerInvariant()} --authorities {selection}`: {what}.",
            "Each column is described, with how it was derived (real at zone level, real at council level and spread by a small-area indicator, or modelled), in docs/places.md.",
            "Contains public sector information licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2020 (park access).",
            "Start-year mortality and ill health are calibrated to ONS life expectancy, its within-council slope index of inequality and healthy life expectancy, 2021-23 (persons: the mean of males and females).",
            string.Create(CultureInfo.InvariantCulture,
                $"Councils without a published HLE: ln(ill-health odds ratio) = {regression.Intercept:0.0000} {(regression.SlopePerYear < 0 ? "-" : "+")} {Math.Abs(regression.SlopePerYear):0.00000} x LE, fitted on {regression.Councils} councils (R² {regression.RSquared:0.000}, residual sd {regression.ResidualSd:0.000})."),
            string.Create(CultureInfo.InvariantCulture,
                $"Cold homes: fuel-poor share (LILEE 2022) x {ExposureCatalogue.Of(Exposure.ColdHomes).EnglandMean:0.00} / {exposures.EnglandFuelPoorShare:0.0000} (England's share of cold or damp homes over its fuel-poor share)."),
        };
        lines.AddRange(notes);
        lines.Add("Sources (path under --from: what, where to download):");
        lines.AddRange(OpenDataFiles.All.Select(f => $"  {f.Path}: {f.What}. {f.Page}"));
        return lines;
    }
}
