using System.Buffers.Binary;
using System.Xml.Linq;
using ScottPlot;
using UrbanSim.Runner.Charts;
using static UrbanSim.Runner.Tests.Charts.SyntheticChartData;

namespace UrbanSim.Runner.Tests.Charts;

public sealed class ChartTests
{
    /// <summary>Every chart by name: how to build it from synthetic data, the size it is saved at, and text it must show.</summary>
    private static readonly Dictionary<string, (Func<Plot> Build, ChartSize Size, string[] Texts)> Charts = new()
    {
        ["outcome-distribution"] = (() => OutcomeDistributionChart.Create(Distribution(), Caption), ChartSize.Report,
            ["Healthy life expectancy at birth: spread over replications", "Healthy life expectancy at birth (years)",
             "Probability density (per year)", "tied_grants (median 62.50 years)", "single_pot (median 62.62 years)", "median"]),
        ["outcome-distribution-five-variants"] = (() => OutcomeDistributionChart.Create(ManyDistributions(), Caption), ChartSize.Report,
            ["Healthy life expectancy, final year: spread over replications", "Tied grants", "Health devolution", "median", "middle 50% of replications",
             "Beyond the 90%: 2.3% of replications: an epidemic in the final year, near 63.250 years"]),
        ["paired-difference"] = (() => PairedDifferenceChart.Create(Difference(), Caption), ChartSize.Report,
            ["Healthy life expectancy at birth: difference from tied_grants",
             "Difference in healthy life expectancy at birth, variant minus tied_grants (years)", "Probability density (per year)",
             "P(better) = 0.83", "← worse", "better →", "single_pot: mean +0.12 years, central 95% −0.13 to +0.37", "mean"]),
        ["paired-difference-ridgeline"] = (() => PairedDifferenceChart.Create(ManyDifferences(), Caption), ChartSize.Report,
            ["Single pot", "Health devolution", "P(better) = 0.10", "P(better) = 0.40", "← worse", "better →", "central 95% of replications"]),
        ["fan"] = (() => FanChart.Create(Fan(), Caption), ChartSize.Report,
            ["Healthy life expectancy gap (slope index of inequality), 2027–2051", "Year", "Healthy life expectancy gap (years, slope index of inequality)",
             "tied_grants", "single_pot", "median", "50% of replications (p25–p75)", "90% (p5–p95)", "2030", "2050", "19.0"]),
        ["fan-five-variants"] = (() => FanChart.Create(ManyFans(), Caption, FanChart.SizeFor(5)), FanChart.SizeFor(5),
            ["Tied grants", "Single pot ICB partnership", "Health devolution", "median of Tied grants, for reference", "2030"]),
        ["money-by-programme"] = (() => MoneyByProgrammeChart.Create(Money(), Caption), MoneyByProgrammeChart.SizeFor(2),
            ["Public money by programme, 2027–2051 (mean over replications)", "Year", "Public money (£m per year)",
             "tied_grants", "single_pot", .. Programmes]),
        ["costs-and-savings"] = (() => CostsAndSavingsChart.Create(CostsAndSavings(), Caption), ChartSize.Report,
            ["Where costs and savings land: change against tied_grants", "Agent type",
             "Mean change (£m, positive = gain)", "ICB", "Mayor", "Developers", "Lenders",
             "single_pot minus tied_grants", "95% confidence interval of the mean", "+£120m", "−£180m"]),
        ["decile-change"] = (() => DecileChangeChart.Create(DecileChange(), Caption), ChartSize.Report,
            ["Change in healthy life expectancy by deprivation decile, 2026–2051",
             "Deprivation decile (1 = most deprived, 10 = least deprived)", "Change in healthy life expectancy (years)",
             "tied_grants", "single_pot", "95% confidence interval of the mean", "1", "10"]),
        ["decile-differences"] = (() => DecileChangeChart.Create(DecileDifferences(), Caption), ChartSize.Report,
            ["Healthy life expectancy in 2051 by deprivation decile: difference from Tied grants",
             "Variant minus Tied grants (years; above zero = better)", "Single pot minus Tied grants", "Health devolution minus Tied grants"]),
        ["forest"] = (() => ForestPlot.Create(Forest(), Caption), ChartSize.Report,
            ["Paired differences against Tied grants, headline outcomes", "Single pot", "Health devolution", "better →", "← better",
             "mean paired difference", "95% confidence interval of the mean", "90% of replications (5th–95th percentile)"]),
        ["difference-by-year"] = (() => DifferenceByYearChart.Create(DifferenceByYear(), Caption), ChartSize.Report,
            ["Healthy life expectancy: difference from Tied grants by year", "Year", "Difference (years); above zero = better",
             "Single pot", "mean paired difference", "95% confidence interval of the mean", "90% of replications (5th–95th percentile)", "2030"]),
        ["difference-by-year-four-variants"] = (() => DifferenceByYearChart.Create(DifferenceByYear(4), Caption, DifferenceByYearChart.SizeFor(4)), DifferenceByYearChart.SizeFor(4),
            ["Single pot", "Single pot ICB partnership", "Single pot analysis", "Health devolution"]),
    };

    /// <summary>The same charts laid out for a phone's width, as the explorer asks for them.</summary>
    private static readonly ChartSize Phone = ChartSize.ForScreen(340);

    private static readonly Dictionary<string, Func<Plot>> PhoneCharts = new()
    {
        ["outcome-distribution"] = () => OutcomeDistributionChart.Create(Distribution(), Caption, Phone),
        ["paired-difference"] = () => PairedDifferenceChart.Create(Difference(), Caption, Phone),
        ["fan"] = () => FanChart.Create(Fan(), Caption, Phone),
        ["money-by-programme"] = () => MoneyByProgrammeChart.Create(Money(), Caption, MoneyByProgrammeChart.SizeFor(2, Phone)),
        ["costs-and-savings"] = () => CostsAndSavingsChart.Create(CostsAndSavings(), Caption, Phone),
        ["decile-differences"] = () => DecileChangeChart.Create(DecileDifferences(), Caption, Phone),
        ["difference-by-year"] = () => DifferenceByYearChart.Create(DifferenceByYear(), Caption, Phone),
    };

    public static TheoryData<string> PhoneChartNames => new(PhoneCharts.Keys);

    [Theory]
    [MemberData(nameof(PhoneChartNames))]
    public void Chart_LaidOutForAPhone_HasNoTextSmallerThan12PxAndNoneOutsideTheChart(string chart)
    {
        var size = chart == "money-by-programme" ? MoneyByProgrammeChart.SizeFor(2, Phone) : Phone;
        var texts = XDocument.Parse(ChartFiles.RenderSvg(PhoneCharts[chart](), size.WidthPx, size.HeightPx))
            .Descendants().Where(e => e.Name.LocalName == "text" && e.Value.Trim().Length > 0).ToList();
        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            double fontSize = double.Parse((string?)text.Attribute("font-size") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(fontSize >= 12, $"{chart}: \"{text.Value}\" is {fontSize} px");
        }
        // The caption line is wrapped to the width rather than cut off: its last part is still there.
        Assert.Contains(texts, t => t.Value.Contains("UrbanSim 0.3.0", StringComparison.Ordinal));
    }

    [Fact]
    public void DecileChart_NeverJoinsPointsWithLines_SoNoVariantSeemsAboveTheOthers()
    {
        foreach (var data in new[] { DecileChange(), DecileDifferences() })
            Assert.Empty(DecileChangeChart.Create(data, Caption).GetPlottables<ScottPlot.Plottables.Scatter>());
    }

    [Fact]
    public void ManyVariants_AreDrawnInPanelsOrRows_NeverOverlaidOrAsAWideStrip()
    {
        Assert.Equal(ChartSize.Report, MoneyByProgrammeChart.SizeFor(2));
        Assert.Equal(ChartStyle.WidthPx, MoneyByProgrammeChart.SizeFor(8).WidthPx);
        Assert.True(MoneyByProgrammeChart.SizeFor(8).HeightPx > ChartStyle.HeightPx);
        Assert.Equal(ChartStyle.WidthPx, FanChart.SizeFor(8).WidthPx);
        Assert.Equal(ChartSize.Report, FanChart.SizeFor(FanChart.MaxOverlaid));
        // Five overlaid densities would tangle; the rows chart has a category axis of the variants' labels instead.
        string[] shown = SvgTexts(ChartFiles.RenderSvg(OutcomeDistributionChart.Create(ManyDistributions(), Caption), ChartStyle.WidthPx, ChartStyle.HeightPx));
        Assert.DoesNotContain("Probability density (per year)", shown);
    }

    public static TheoryData<string> ChartNames => new(Charts.Keys);

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Chart_IsSavedAsPngAndSvgOfTheRequestedSize(string chart)
    {
        using var folder = new TempFolder("charts");
        var (build, size, _) = Charts[chart];

        var paths = ChartFiles.Save(build(), folder.Path, chart, size.WidthPx, size.HeightPx);

        Assert.Equal(Path.Combine(folder.Path, chart + ".png"), paths.PngPath);
        Assert.Equal(Path.Combine(folder.Path, chart + ".svg"), paths.SvgPath);
        byte[] png = File.ReadAllBytes(paths.PngPath);
        Assert.True(png.Length > 20_000, $"{chart}.png is only {png.Length} bytes");
        Assert.Equal((size.WidthPx, size.HeightPx), PngSize(png));
        Assert.True(new FileInfo(paths.SvgPath).Length > 8_000, $"{chart}.svg is too small to hold a chart");
        Assert.Equal([chart + ".png", chart + ".svg"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Chart_FromTheSameInput_HasIdenticalBytes(string chart)
    {
        using var folder = new TempFolder("charts");
        var (build, size, _) = Charts[chart];

        // Two independent plots, rendered one after the other so Skia's process-wide counters have moved on.
        var first = ChartFiles.Save(build(), Path.Combine(folder.Path, "first"), chart, size.WidthPx, size.HeightPx);
        var second = ChartFiles.Save(build(), Path.Combine(folder.Path, "second"), chart, size.WidthPx, size.HeightPx);

        Assert.Equal(File.ReadAllBytes(first.PngPath), File.ReadAllBytes(second.PngPath));
        Assert.Equal(File.ReadAllBytes(first.SvgPath), File.ReadAllBytes(second.SvgPath));
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void ChartPng_DecodesToExactlyThePixelsScottPlotRenders(string chart)
    {
        // The PNG is encoded with one filter at a lower zlib level than ScottPlot's own export: less work, the same picture.
        // Each from a plot of its own: a plot drawn a second time may lay out a few pixels differently (the ridgeline does).
        var (build, size, _) = Charts[chart];
        Assert.True(SamePixels(ChartFiles.RenderPng(build(), size.WidthPx, size.HeightPx), build().GetImageBytes(size.WidthPx, size.HeightPx, ImageFormat.Png)),
            $"{chart}: the pixels differ from ScottPlot's own PNG");
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void SavedPng_HasTheLayoutTheSvgHas_TheOneScottPlotSettlesOn(string chart)
    {
        // ScottPlot draws a plot once in memory before its SVG; a plot's first drawing may lay out differently (the
        // ridgeline's legend does, by a few pixels). The saved PNG must show the settled layout, as the SVG does.
        using var folder = new TempFolder("charts");
        var (build, size, _) = Charts[chart];
        var paths = ChartFiles.Save(build(), folder.Path, chart, size.WidthPx, size.HeightPx);
        var settled = build();
        settled.GetImageBytes(size.WidthPx, size.HeightPx, ImageFormat.Png);
        Assert.True(SamePixels(File.ReadAllBytes(paths.PngPath), settled.GetImageBytes(size.WidthPx, size.HeightPx, ImageFormat.Png)),
            $"{chart}: the saved PNG is not laid out as the settled plot");
    }

    /// <summary>Whether two encoded images decode to the same size and the same pixels.</summary>
    private static bool SamePixels(byte[] encoded, byte[] otherEncoded)
    {
        using var image = SkiaSharp.SKBitmap.Decode(encoded);
        using var other = SkiaSharp.SKBitmap.Decode(otherEncoded);
        return image.Width == other.Width && image.Height == other.Height && image.GetPixelSpan().SequenceEqual(other.GetPixelSpan());
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void ChartSvg_IsScottPlotsOwnSvg_ThoughItsLayoutPassDrawsNothing(string chart)
    {
        // ScottPlot draws a whole raster image to settle the layout before its SVG; ours settles it on a canvas that draws
        // nothing. The SVG must be the same, byte for byte.
        var (build, size, _) = Charts[chart];
        string ours = ChartFiles.RenderSvg(build(), size.WidthPx, size.HeightPx);
        string scottPlots = ChartFiles.NumberIdsInOrder(build().GetSvgXml(size.WidthPx, size.HeightPx));
        Assert.Equal(scottPlots, ours);
    }

    [Fact]
    public async Task ChartWarmUp_DrawsBothKindsOfChartItStandsFor_AndItsBackgroundTaskEnds()
    {
        Assert.Equal(2, ChartWarmUp.Draw());
        await ChartWarmUp.Start().WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Chart_SvgShowsTitleAxisLabelsLegendAndCaption(string chart)
    {
        var (build, size, texts) = Charts[chart];

        string[] shown = SvgTexts(ChartFiles.RenderSvg(build(), size.WidthPx, size.HeightPx));

        foreach (string text in texts.Append(CaptionText))
            Assert.True(shown.Contains(text), $"{chart}: no text \"{text}\" among: {string.Join(" | ", shown)}");
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Chart_WritesAllTextInOneSansFont(string chart)
    {
        var (build, size, _) = Charts[chart];

        var fonts = XDocument.Parse(ChartFiles.RenderSvg(build(), size.WidthPx, size.HeightPx))
            .Descendants().Where(e => e.Name.LocalName == "text").Select(e => (string?)e.Attribute("font-family")).Distinct();

        Assert.Equal([ChartStyle.FontName], fonts);
    }

    [Fact]
    public void ChartFont_IsInstalled()
    {
        // Without it SkiaSharp falls back to whatever fontconfig finds, and with no fonts at all the text is blank.
        var typeface = Fonts.GetTypeface(ChartStyle.FontName, bold: false, italic: false);

        Assert.True(typeface?.FamilyName == ChartStyle.FontName,
            $"Font '{ChartStyle.FontName}' is missing (found '{typeface?.FamilyName}'): install fonts-dejavu-core.");
    }

    [Fact]
    public void VariantPalette_GivesOkabeItoColoursByPosition()
    {
        Assert.Equal("#0072B2", VariantPalette.HexOf(0));
        Assert.Equal("#E69F00", VariantPalette.HexOf(1));
        Assert.Equal("#009E73", VariantPalette.HexOf(2));
        string[] all = Enumerable.Range(0, VariantPalette.Count).Select(VariantPalette.HexOf).ToArray();
        Assert.Equal(8, all.Distinct().Count());
        Assert.Equal(VariantPalette.HexOf(0), VariantPalette.HexOf(VariantPalette.Count));
        Assert.Equal(Color.FromHex("#0072B2"), VariantPalette.ColourOf(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => VariantPalette.HexOf(-1));
    }

    [Fact]
    public void ProgrammePalette_DiffersFromTheVariantColours()
    {
        string[] programmes = Enumerable.Range(0, ProgrammePalette.Count).Select(ProgrammePalette.HexOf).ToArray();
        string[] variants = Enumerable.Range(0, VariantPalette.Count).Select(VariantPalette.HexOf).ToArray();

        Assert.Equal(programmes.Length, programmes.Distinct().Count());
        Assert.Empty(programmes.Intersect(variants));
    }

    [Fact]
    public void VariantColours_AreTheSameInTheDistributionAndFanCharts()
    {
        string distribution = ChartFiles.RenderSvg(OutcomeDistributionChart.Create(Distribution(), Caption), ChartStyle.WidthPx, ChartStyle.HeightPx);
        string fan = ChartFiles.RenderSvg(FanChart.Create(Fan(), Caption), ChartStyle.WidthPx, ChartStyle.HeightPx);

        foreach (string svg in new[] { distribution, fan })
        {
            // The two variants' lines, in colours 0 and 1, and nothing in colour 2 (there is no third variant).
            Assert.Contains($"stroke=\"{SvgHex(VariantPalette.HexOf(0))}\"", svg);
            Assert.Contains($"stroke=\"{SvgHex(VariantPalette.HexOf(1))}\"", svg);
            Assert.DoesNotContain(SvgHex(VariantPalette.HexOf(2)), svg);
        }
    }

    [Fact]
    public void DifferenceCharts_DrawVariantKInColourKPlusOne()
    {
        // Differences leave out the first variant, so their first entry is variant 1 and must be orange, not blue.
        string svg = ChartFiles.RenderSvg(PairedDifferenceChart.Create(Difference(), Caption), ChartStyle.WidthPx, ChartStyle.HeightPx);

        Assert.Contains($"stroke=\"{SvgHex(VariantPalette.HexOf(1))}\"", svg);
        Assert.DoesNotContain(SvgHex(VariantPalette.HexOf(0)), svg);
    }

    [Fact]
    public void MoneyChart_ColoursEachProgrammeFromItsPalette()
    {
        string svg = ChartFiles.RenderSvg(MoneyByProgrammeChart.Create(Money(), Caption), ChartStyle.WidthPx, ChartStyle.HeightPx);

        for (int p = 0; p < Programmes.Length; p++)
            Assert.Contains($"fill=\"{SvgHex(ProgrammePalette.HexOf(p))}\"", svg);
        Assert.DoesNotContain(SvgHex(ProgrammePalette.HexOf(Programmes.Length)), svg);
    }

    [Fact]
    public void MoneyChart_InBillions_SaysSoOnTheAxis()
    {
        var data = Money() with { Variants = Money().Variants.Select(v => v with { GbpPerYear = v.GbpPerYear.Select(p => p.Select(gbp => gbp * 10).ToArray()).ToArray() }).ToArray() };

        string[] shown = SvgTexts(ChartFiles.RenderSvg(MoneyByProgrammeChart.Create(data, Caption), ChartStyle.WidthPx, ChartStyle.HeightPx));

        Assert.Contains("Public money (£bn per year)", shown);
    }

    [Fact]
    public void NumberIdsInOrder_RenumbersSkiaIdsAndTheirReferences()
    {
        const string raw = """<clipPath id="cl_4"/><g clip-path="url(#cl_4)"/><clipPath id="cl_a"/><use href="#cl_a"/><g clip-path="url(#cl_4)"/>""";

        Assert.Equal("""<clipPath id="cl_1"/><g clip-path="url(#cl_1)"/><clipPath id="cl_2"/><use href="#cl_2"/><g clip-path="url(#cl_1)"/>""",
            ChartFiles.NumberIdsInOrder(raw));
    }

    [Fact]
    public void Save_ReplacesAnOlderChartAndLeavesNoTemporaryFile()
    {
        using var folder = new TempFolder("charts");
        File.WriteAllText(Path.Combine(folder.Path, "fan.png"), "old");
        File.WriteAllText(Path.Combine(folder.Path, "fan.svg"), "old");

        var paths = ChartFiles.Save(FanChart.Create(Fan(), Caption), folder.Path, "fan", ChartStyle.WidthPx, ChartStyle.HeightPx);

        Assert.NotEqual("old", File.ReadAllText(paths.SvgPath));
        Assert.Equal((ChartStyle.WidthPx, ChartStyle.HeightPx), PngSize(File.ReadAllBytes(paths.PngPath)));
        Assert.Equal(2, Directory.GetFiles(folder.Path).Length);
    }

    [Fact]
    public void Save_RefusesAFileStemWithAFolder()
    {
        using var folder = new TempFolder("charts");

        Assert.Throws<ArgumentException>(() => ChartFiles.Save(FanChart.Create(Fan(), Caption), folder.Path, "../fan", 600, 400));
    }

    [Fact]
    public void Caption_ReadsLikeASourceLine()
    {
        Assert.Equal(CaptionText, Caption.Text);
        Assert.Equal("Scenario: quick · 1 replication · seed 7 · UrbanSim 0.1.0", new ChartCaption("quick", 1, 7, "0.1.0").Text);
    }

    [Theory]
    [InlineData(1234567.5, "1,234,567.5")]
    [InlineData(-250, "\u2212250")]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(-1e-12, "0")]
    public void FormatNumber_HasThousandsSeparatorsATrueMinusAndNoNoise(double value, string expected) =>
        Assert.Equal(expected, ChartStyle.FormatNumber(value));

    [Theory]
    [InlineData(62.4837, 0.3, false, "62.48")]
    [InlineData(0.1234, 0.13, true, "+0.12")]
    [InlineData(-0.1234, 0.13, true, "\u22120.12")]
    [InlineData(123456789, 2e7, false, "123,456,789")]
    public void FormatToResolution_KeepsOneDigitMoreThanTheSpreadResolves(double value, double resolution, bool showPlus, string expected) =>
        Assert.Equal(expected, ChartStyle.FormatToResolution(value, resolution, showPlus));

    [Theory]
    [InlineData(new[] { 62.0, 62.2, 62.4 }, 1, "62.0")]
    [InlineData(new[] { 0.0, 0.25, 0.5 }, 2, "0.00")]
    [InlineData(new[] { -100.0, 0.0, 100.0 }, 0, "\u2212100")]
    [InlineData(new[] { 0.1 + 0.2, 0.6 }, 1, "0.3")]
    public void TickLabels_OnOneAxis_ShareTheirNumberOfDecimals(double[] positions, int decimals, string firstLabel)
    {
        Assert.Equal(decimals, EvenDecimalTicks.DecimalsFor(positions));
        Assert.Equal(firstLabel, EvenDecimalTicks.Format(positions[0], decimals));
    }

    [Theory]
    [InlineData("62.48", "years", "62.48 years")]
    [InlineData("4,214", "£m", "£4,214m")]
    [InlineData("\u221235", "£m", "\u2212£35m")]
    [InlineData("+950", "£", "+£950")]
    [InlineData("12", "%", "12%")]
    public void WithUnit_PutsPoundsInFrontAndOtherUnitsBehind(string number, string unit, string expected) =>
        Assert.Equal(expected, ChartStyle.WithUnit(number, unit));

    [Theory]
    [InlineData(120.4, "+£120m")]
    [InlineData(-2.54, "\u2212£2.5m")]
    [InlineData(0.0, "£0m")]
    public void CostsAndSavings_BarLabelsAreSignedAmounts(double millions, string expected) =>
        Assert.Equal(expected, CostsAndSavingsChart.MoneyLabel(millions, new MoneyScale(1e6, "£m")));

    [Fact]
    public void YearTicks_AreRoundMultiplesWithinTheRange()
    {
        Assert.Equal([2030, 2035, 2040, 2045, 2050], ChartStyle.YearTicks(2027, 2051));
        Assert.Equal([2026, 2028, 2030, 2032, 2034, 2036, 2038, 2040, 2042, 2044], ChartStyle.YearTicks(2026, 2045));
        Assert.Equal(Enumerable.Range(2026, 10), ChartStyle.YearTicks(2026, 2035));
        Assert.Equal([2026, 2027], ChartStyle.YearTicks(2026, 2027));
        Assert.Equal([2026, 2028, 2030, 2032, 2034], ChartStyle.YearTicks(2026, 2035, maxLabels: 5));
    }

    [Theory]
    [InlineData(3e9, "£bn", 1e9)]
    [InlineData(250e6, "£m", 1e6)]
    [InlineData(-180e6, "£m", 1e6)]
    [InlineData(40e3, "£k", 1e3)]
    public void MoneyScale_KeepsTickLabelsShort(double largestGbp, string unit, double gbpPerUnit) =>
        Assert.Equal(new MoneyScale(gbpPerUnit, unit), MoneyScale.For(largestGbp));

    [Theory]
    [InlineData(0.1, 0.5)]
    [InlineData(-0.9, -0.2)]
    [InlineData(-0.3, 0.6)]
    public void PairedDifference_RangeAlwaysShowsZeroWithRoomForTheDirectionLabels(double from, double to)
    {
        var (wideFrom, wideTo) = PairedDifferenceChart.WithRoomAroundZero(from, to);

        Assert.True(wideFrom <= from && wideTo >= to);
        double zeroShare = -wideFrom / (wideTo - wideFrom);
        Assert.InRange(zeroShare, 0.2199, 0.7801);
    }

    [Fact]
    public void Charts_RefuseInconsistentInput()
    {
        var fan = Fan();
        var shortFan = fan with { Variants = [fan.Variants[0] with { P50 = [19.0] }] };
        var costs = CostsAndSavings();
        var shortCosts = costs with { AgentTypes = ["ICB"] };
        var distribution = Distribution();
        var unweighted = distribution with { Variants = [distribution.Variants[0] with { Weights = [1.0] }] };

        Assert.Throws<ArgumentException>(() => FanChart.Create(shortFan, Caption));
        Assert.Throws<ArgumentException>(() => CostsAndSavingsChart.Create(shortCosts, Caption));
        Assert.Throws<ArgumentException>(() => OutcomeDistributionChart.Create(unweighted, Caption));
        Assert.Throws<ArgumentException>(() => PairedDifferenceChart.Create(Difference() with { Differences = [] }, Caption));
    }

    /// <summary>Width and height from the PNG's IHDR chunk, which always starts at byte 16.</summary>
    private static (int WidthPx, int HeightPx) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    /// <summary>Every text element's content (parsing also proves the SVG is well-formed XML).</summary>
    private static string[] SvgTexts(string svg) =>
        XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToArray();

    /// <summary>A colour as Skia's SVG writer spells it: "#332288" becomes "#328".</summary>
    private static string SvgHex(string hex) =>
        hex[1] == hex[2] && hex[3] == hex[4] && hex[5] == hex[6] ? $"#{hex[1]}{hex[3]}{hex[5]}" : hex;
}
