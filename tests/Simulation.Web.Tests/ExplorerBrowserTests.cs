using System.Web;
using Microsoft.Playwright;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Runner.Web;

namespace UrbanSim.Web.Tests;

/// <summary>
/// The explorer page in a real browser: Debian's Chromium (/usr/bin/chromium) driven by Playwright, against the
/// server in-process. Screenshots go to TestResults/screenshots/ in the repository, to look at.
/// </summary>
[Collection(ExplorerCollection.Name)]
public sealed class ExplorerBrowserTests(ExplorerServerFixture server) : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private static readonly string Screenshots = RepositoryRoot.File("TestResults", "screenshots");
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium package (scripts/test.sh does).");
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, BypassCSP = true });   // Playwright's waits evaluate script text, which the page's policy forbids
        _page.SetDefaultTimeout(30_000);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private async Task<string> WaitForComplete(int replications)
    {
        await _page.WaitForSelectorAsync($"#status[data-state=complete][data-replications='{replications}']");
        return await _page.GetAttributeAsync("#row-hle_years td:nth-child(3)", "data-value") ?? "";
    }

    private async Task Shot(string name)
    {
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + "-top.png") });
    }

    private static double Mean(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Slider_MovedWithTheKeyboard_UpdatesNumbersAndChartsAsADirectSimulationDoes()
    {
        await _page.GotoAsync(server.Address + "/?preset=reference&replications=200&horizon_years=10");
        string before = await WaitForComplete(200);
        string chartBefore = await _page.InnerHTMLAsync("#fig-distribution_hle_years .chart");
        await Shot("01-reference-loaded");

        await _page.FocusAsync("#mission_commitment");
        for (int i = 0; i < 30; i++) await _page.Keyboard.PressAsync("ArrowRight");   // 0.50 → 0.80 in steps of 0.01
        await _page.WaitForFunctionAsync("location.search.includes('mission_commitment=0.8')");
        await _page.WaitForFunctionAsync($"document.querySelector('#row-hle_years td:nth-child(3)').dataset.value !== '{before}'");
        string after = await WaitForComplete(200);
        Assert.Equal("0.8", await _page.InputValueAsync("#mission_commitment"));
        Assert.Equal("0.80", await _page.TextContentAsync("#mission_commitment-value"));
        Assert.NotEqual(before, after);
        Assert.NotEqual(chartBefore, await _page.InnerHTMLAsync("#fig-distribution_hle_years .chart"));
        await Shot("02-mission-commitment-moved");

        // The same setting, straight from the page's address, run without the server.
        var query = HttpUtility.ParseQueryString(new Uri(_page.Url).Query);
        var (request, problems) = ExplorerRequest.Parse(query.AllKeys.Select(k => new KeyValuePair<string, string?>(k!, query[k])));
        Assert.Empty(problems);
        var direct = ExplorerServerFixture.Direct(request!.Scenario());
        Assert.Equal(direct.Outcome[1][StandardOutcomes.HleYears].Summary().Mean, Mean(after));
        Assert.Equal(direct.Outcome[0][StandardOutcomes.HleYears].Summary().Mean, Mean((await _page.GetAttributeAsync("#row-hle_years td:nth-child(2)", "data-value"))!));
        string caption = (await _page.TextContentAsync("#fig-distribution_hle_years figcaption .alt"))!;
        Assert.Contains($"median {direct.Outcome[1][StandardOutcomes.HleYears].Summary().P50:G4}", caption);
    }

    [Fact]
    public async Task Preset_Switched_LoadsItsLeversAndResults()
    {
        await _page.GotoAsync(server.Address + "/?preset=reference&replications=200&horizon_years=10");
        await WaitForComplete(200);
        await _page.SelectOptionAsync("#preset", "health_devolution");
        await _page.WaitForFunctionAsync("location.search.includes('preset=health_devolution')");
        await _page.WaitForSelectorAsync("#status[data-state=complete]");
        Assert.True(await _page.IsCheckedAsync("input[name=settlement][value=health_devolution]"));
        Assert.Contains("Baseline: the preset's first variant, tied_grants", await _page.TextContentAsync("#world-hint"));
        Assert.Contains("pools", string.Join(" ", await _page.Locator("#drivers li").AllTextContentsAsync()));
        Assert.Equal(ExplorerResults.Charts.Length, await _page.Locator("#charts figure").CountAsync());
        await Shot("03-health-devolution-preset");

        // The settlement from the keyboard: arrow keys move between the radio buttons.
        await _page.FocusAsync("input[name=settlement][value=health_devolution]");
        await _page.Keyboard.PressAsync("ArrowUp");
        await _page.WaitForFunctionAsync("location.search.includes('settlement=single_pot')");
        Assert.True(await _page.IsCheckedAsync("input[name=settlement][value=single_pot]"));
    }

    [Fact]
    public async Task SharedUrl_RestoresTheSetting()
    {
        await _page.GotoAsync(server.Address + "/?preset=patient_capital&settlement=single_pot&planning_health_standard=0.7&funding_per_head_gbp=2500&replications=200&horizon_years=12");
        await WaitForComplete(200);
        Assert.Equal("patient_capital", await _page.InputValueAsync("#preset"));
        Assert.True(await _page.IsCheckedAsync("input[name=settlement][value=single_pot]"));
        Assert.Equal("0.7", await _page.InputValueAsync("#planning_health_standard"));
        Assert.Equal("2500", await _page.InputValueAsync("#funding_per_head_gbp"));   // beyond the slider's usual 1,000: it stretches
        Assert.Contains("12 years", await _page.TextContentAsync("#status"));
        Assert.Contains("planning_health_standard=0.7", _page.Url);
        await Shot("04-shared-url");

        // Downloads carry the same setting.
        string query = new Uri(_page.Url).Query;
        Assert.Equal("/api/results.csv" + query, await _page.GetAttributeAsync("#dl-csv", "href"));
        Assert.Equal("/api/results.json" + query, await _page.GetAttributeAsync("#dl-json", "href"));
        Assert.Equal("/api/chart/fan_hle_gap_years.png" + query, await _page.GetAttributeAsync("#fig-fan_hle_gap_years a[data-ext=png]", "href"));
        var download = await _page.RunAndWaitForDownloadAsync(() => _page.ClickAsync("#dl-csv"));
        Assert.Equal("urbansim-explorer-results.csv", download.SuggestedFilename);
    }

    [Fact]
    public async Task BadUrl_ShowsAClearError()
    {
        // A bad value arriving while results are shown (here forced into the slider) clears them and explains.
        await _page.GotoAsync(server.Address + "/?preset=reference&replications=200&horizon_years=5");
        await WaitForComplete(200);
        Assert.True(await _page.Locator("#charts figure").CountAsync() > 0);
        await _page.EvaluateAsync("() => { const h = document.getElementById('horizon_years'); h.max = '80'; h.value = '80'; h.dispatchEvent(new Event('input')); }");
        await _page.WaitForSelectorAsync("#error:not([hidden])");
        Assert.Contains("horizon_years must be a whole number from 1 to 50 years; got '80'", await _page.TextContentAsync("#error"));
        Assert.Equal(0, await _page.Locator("#charts figure").CountAsync());

        await _page.GotoAsync(server.Address + "/?preset=reference&horizon_years=500&replications=200");
        await _page.WaitForSelectorAsync("#error:not([hidden])");
        string error = (await _page.TextContentAsync("#error"))!;
        Assert.Contains("horizon_years must be a whole number from 1 to 50 years; got '500'", error);
        Assert.Equal("error", await _page.GetAttributeAsync("#status", "data-state"));
        await Shot("05-bad-request");
    }

    [Fact]
    public async Task Page_EveryControlHasALabel()
    {
        await _page.GotoAsync(server.Address + "/?replications=200&horizon_years=5");
        await WaitForComplete(200);
        foreach (var input in await _page.Locator("input, select").AllAsync())
        {
            string? id = await input.GetAttributeAsync("id");
            bool labelled = await input.EvaluateAsync<bool>("e => e.labels.length > 0");
            Assert.True(labelled, $"control {id ?? await input.GetAttributeAsync("name")} has no label");
        }
        foreach (var chart in await _page.Locator(".chart").AllAsync())
            Assert.False(string.IsNullOrWhiteSpace(await chart.GetAttributeAsync("aria-label")));
    }
}
