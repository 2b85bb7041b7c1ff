using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Pure.Properties.Support;
using Pure.Shell.Playground;

namespace Pure.Properties;

/// <summary>A fact that runs where Debian's chromium and chromium-driver are installed (.ci/run installs them) and says why it skips elsewhere.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium", Driver = "/usr/bin/chromedriver";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) || !File.Exists(Driver)) Skip = $"no {Chromium} and {Driver} here (apt-get install chromium chromium-driver)";
    }
}

/// <summary>Issue 16 in a real headless browser: the page trains XOR, shows what a dropped CSV did wrong, and takes its settings from a link.</summary>
[Trait("Category", "Browser")]
public sealed class PlaygroundBrowserTests : IAsyncLifetime
{
    readonly PlaygroundRuns runs = new(() => new CpuBackend<float>(1));
    WebApplication app = null!;
    ChromeDriver browser = null!;
    string address = "";

    public async Task InitializeAsync()
    {
        app = PlaygroundServer.Build(0, runs);
        await app.StartAsync();
        address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        var options = new ChromeOptions { BinaryLocation = BrowserFactAttribute.Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(BrowserFactAttribute.Driver), Path.GetFileName(BrowserFactAttribute.Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        browser = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        browser?.Quit();
        await app.StopAsync();
        await app.DisposeAsync();
        runs.Clear();
    }

    WebDriverWait Wait(int seconds = 60) => new(browser, TimeSpan.FromSeconds(seconds)) { PollingInterval = TimeSpan.FromMilliseconds(100) };

    static string Artefact(string name)
    {
        var folder = Path.Combine(TestFiles.Repository, "TestResults", "playground");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    [BrowserFact]
    public void Xor_trains_in_the_page_until_the_test_loss_is_low_and_the_output_is_drawn()
    {
        browser.Navigate().GoToUrl(address + "#dataset=xor&optimizer=adam&lr=0.03&seed=1");
        Wait().Until(d => d.FindElement(By.Id("test-loss")).Text != "–");
        browser.FindElement(By.Id("play")).Click();
        Wait().Until(d => int.Parse(d.FindElement(By.Id("epoch")).Text) >= 150);
        Wait().Until(d => double.Parse(d.FindElement(By.Id("test-loss")).Text, System.Globalization.CultureInfo.InvariantCulture) < 0.15);
        var colours = (long)browser.ExecuteScript(
            "const c = document.getElementById('output'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;" +
            "const s = new Set(); for (let i = 0; i < d.length; i += 4) s.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]); return s.size;")!;
        Assert.True(colours > 50, $"the output canvas holds {colours} colours");
        Assert.True(browser.FindElements(By.CssSelector("#units canvas")).Count == 6, "4 + 2 hidden units drawn");
        browser.GetScreenshot().SaveAsFile(Artefact("xor.png"));
    }

    [BrowserFact]
    public void A_dropped_csv_that_is_not_numbers_gets_a_message_naming_its_line_and_column()
    {
        var csv = Path.Combine(TestFiles.TempFolder(), "broken.csv");
        File.WriteAllText(csv, "x1,x2,label\n0.1,0.2,a\n0.3,oops,b\n");
        browser.Navigate().GoToUrl(address);
        Wait().Until(d => d.FindElement(By.Id("test-loss")).Text != "–");
        browser.FindElement(By.Id("csv-file")).SendKeys(csv);
        Wait().Until(d => d.FindElement(By.Id("message")).Text.Contains("broken.csv:3: column 'x2': 'oops' is not a number", StringComparison.Ordinal));
        Assert.Equal("–", browser.FindElement(By.Id("test-loss")).Text);
        browser.GetScreenshot().SaveAsFile(Artefact("broken-csv.png"));
    }

    [BrowserFact]
    public void A_link_with_a_fragment_opens_with_those_settings()
    {
        browser.Navigate().GoToUrl(address + "#dataset=spiral&noise=0.2&seed=7&features=x1,x2,sin(x1),sin(x2)&layers=8:relu:0,8:relu:0.1,6:tanh:0&optimizer=adam&lr=0.01&batch=20");
        Wait().Until(d => d.FindElement(By.Id("test-loss")).Text != "–");
        Assert.Equal("spiral", browser.FindElement(By.Id("dataset")).GetDomProperty("value"));
        Assert.Equal("7", browser.FindElement(By.Id("seed")).GetAttribute("value"));
        Assert.Equal("20", browser.FindElement(By.Id("batch")).GetAttribute("value"));
        var layers = browser.FindElements(By.CssSelector("#layers .layer"));
        Assert.Equal(3, layers.Count);
        Assert.Equal("0.1", layers[1].FindElement(By.CssSelector(".dropout")).GetAttribute("value"));
        Assert.Equal("tanh", layers[2].FindElement(By.CssSelector(".activation")).GetDomProperty("value"));
        var features = browser.FindElements(By.CssSelector("#features input:checked")).Select(e => e.GetDomProperty("value") ?? "").ToArray();
        Assert.Equal(["x1", "x2", "sin(x1)", "sin(x2)"], features);
        browser.FindElement(By.Id("play")).Click();
        Wait().Until(d => int.Parse(d.FindElement(By.Id("epoch")).Text) >= 300);
        browser.GetScreenshot().SaveAsFile(Artefact("spiral-deep.png"));
    }
}
