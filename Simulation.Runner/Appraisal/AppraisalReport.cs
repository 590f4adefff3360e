using System.Globalization;
using Newtonsoft.Json;
using UrbanSim.Core.Health;

namespace UrbanSim.Runner.Appraisal;

/// <summary>Formats an appraisal result as the result JSON file and as a table for the terminal.</summary>
internal static class AppraisalReport
{
    /// <summary>One row per exposure of the catalogue: its key in the JSON and its label in the table (lower case unless an acronym).</summary>
    private static readonly (Exposure Exposure, string Key, string Label)[] Rows =
        [.. ExposureCatalogue.All.Select(e => (e.Id, e.Key, char.IsUpper(e.Label[1]) ? e.Label : char.ToLowerInvariant(e.Label[0]) + e.Label[1..]))];

    /// <summary>
    /// The result as indented JSON with snake_case keys: <c>deaths_prevented_per_year</c>, <c>qalys_per_year</c>,
    /// <c>value_gbp_per_year</c> (by the value of a statistical life), <c>qaly_value_gbp_per_year</c>,
    /// <c>by_exposure</c> (the same four per exposure, each alone), and <c>assumptions</c>. Invariant culture.
    /// </summary>
    public static string ToJson(AppraisalInput input, AppraisalResult result)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var w = new JsonTextWriter(text) { Formatting = Formatting.Indented, Culture = CultureInfo.InvariantCulture })
        {
            w.WriteStartObject();
            if (input.Description is not null)
            {
                w.WritePropertyName("description");
                w.WriteValue(input.Description);
            }
            WriteEffects(w, result.DeathsPreventedPerYear, result.QalysPerYear, result.ValueOfDeathsPreventedGbpPerYear, result.QalyValueGbpPerYear);
            w.WritePropertyName("by_exposure");
            w.WriteStartObject();
            foreach (var (exposure, key, _) in Rows)
            {
                ExposureAppraisal e = result.For(exposure);
                w.WritePropertyName(key);
                w.WriteStartObject();
                WriteEffects(w, e.DeathsPreventedPerYear, e.QalysPerYear, e.ValueOfDeathsPreventedGbpPerYear, e.QalyValueGbpPerYear);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WritePropertyName("assumptions");
            w.WriteStartObject();
            Number(w, "discounted_qalys_per_death_prevented", result.DiscountedQalysPerDeathPrevented);
            Number(w, "value_of_statistical_life_gbp", result.ValueOfStatisticalLifeGbp);
            Number(w, "qaly_value_gbp", result.QalyValueGbp);
            Number(w, "health_discount_rate_per_year", Discounting.HealthRatePerYear);
            w.WritePropertyName("full_effect_after_years");
            w.WriteValue(HealthBuildUp.Years);
            w.WritePropertyName("note");
            w.WriteValue("Effects per year once fully built up (HEAT: 1/5 in the first year after the change, full from the fifth). " +
                         "by_exposure gives each change alone; the total counts a death prevented by several changes once.");
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return text.ToString() + Environment.NewLine;
    }

    /// <summary>Writes a short human-readable summary table of the result.</summary>
    public static void WriteTable(TextWriter output, string inputPath, AppraisalInput input, AppraisalResult result)
    {
        var c = CultureInfo.InvariantCulture;
        AppraisalPopulation p = input.Population;
        output.WriteLine($"Health appraisal: {inputPath}");
        if (input.Description is not null) output.WriteLine(input.Description);
        output.WriteLine(string.Create(c,
            $"{p.People:N0} people aged {p.AgeFromYears}-{p.AgeToYears}, all-cause mortality {p.AllCauseMortalityPer100k:#,0.##} per 100,000 a year"));
        output.WriteLine("Per year at full effect (reached in the fifth year after the change):");
        output.WriteLine();
        const string format = "{0,-12} {1,18} {2,12} {3,20} {4,20}";
        output.WriteLine(string.Format(c, format, "exposure", "deaths prevented", "QALYs", "value by VSL (GBP)", "value by QALY (GBP)"));
        foreach (var (exposure, _, label) in Rows)
            WriteRow(output, format, label, result.For(exposure));
        WriteRow(output, format, "total", new ExposureAppraisal(result.DeathsPreventedPerYear, result.QalysPerYear,
            result.ValueOfDeathsPreventedGbpPerYear, result.QalyValueGbpPerYear));
        output.WriteLine();
        output.WriteLine(string.Create(c,
            $"QALYs per death prevented: {result.DiscountedQalysPerDeathPrevented:N2} (England life table, share in good health, discounted {Discounting.HealthRatePerYear * 100:0.##}% a year)."));
        output.WriteLine(string.Create(c,
            $"Value of a statistical life GBP {result.ValueOfStatisticalLifeGbp:N0}; value of a QALY GBP {result.QalyValueGbp:N0}."));
        output.WriteLine("Rows are each change alone; the total counts a death prevented by several changes once.");
    }

    private static void WriteRow(TextWriter output, string format, string label, ExposureAppraisal e) =>
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, format, label,
            e.DeathsPreventedPerYear.ToString("N1", CultureInfo.InvariantCulture),
            e.QalysPerYear.ToString("N1", CultureInfo.InvariantCulture),
            e.ValueOfDeathsPreventedGbpPerYear.ToString("N0", CultureInfo.InvariantCulture),
            e.QalyValueGbpPerYear.ToString("N0", CultureInfo.InvariantCulture)));

    private static void WriteEffects(JsonWriter w, double deaths, double qalys, double valueGbp, double qalyValueGbp)
    {
        Number(w, "deaths_prevented_per_year", deaths);
        Number(w, "qalys_per_year", qalys);
        Number(w, "value_gbp_per_year", valueGbp);
        Number(w, "qaly_value_gbp_per_year", qalyValueGbp);
    }

    /// <summary>A number, or null if it is not finite: never the string "Infinity", which no JSON reader takes for a number.</summary>
    private static void Number(JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        if (double.IsFinite(value)) w.WriteValue(value);
        else w.WriteNull();
    }
}
