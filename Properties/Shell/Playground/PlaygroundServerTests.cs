using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pure.Properties.Support;
using Pure.Shell.Playground;

namespace Pure.Properties;

/// <summary>Issue 16 without a browser: the playground's routes, its limits, and a run that is pure train's run.</summary>
public class PlaygroundServerTests
{
    sealed class Server : IAsyncDisposable
    {
        public readonly PlaygroundRuns Runs;
        readonly WebApplication app;
        public readonly HttpClient Http;

        public Server(int mostRuns = PlaygroundRuns.MostRuns)
        {
            Runs = new PlaygroundRuns(() => new CpuBackend<float>(1), mostRuns);
            app = PlaygroundServer.Build(0, Runs);
            app.StartAsync().GetAwaiter().GetResult();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Assert.StartsWith("http://127.0.0.1:", address);
            Http = new HttpClient { BaseAddress = new Uri(address + "/") };
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
            Runs.Clear();
        }
    }

    static object Request(object settings, string? csv = null, string? name = null) => new { settings, csv, csvName = name };

    [Fact]
    public async Task The_page_and_the_api_are_served_and_nothing_else()
    {
        await using var server = new Server();
        var page = await server.Http.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<canvas id=\"output\"", await page.Content.ReadAsStringAsync());
        Assert.Contains("EventSource", await server.Http.GetStringAsync("playground.js"));
        var catalogue = JsonDocument.Parse(await server.Http.GetStringAsync("api/catalogue")).RootElement;
        Assert.Equal(Layers.NonlinearityNames, catalogue.GetProperty("activations").EnumerateArray().Select(e => e.GetString()));
        foreach (var path in new[] { "index.html", "etc/passwd", "../Pure.sln", "api", "api/runs/nope/events", "data/moons.csv" })
            Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.PostAsync("api/runs/nope/play", null)).StatusCode);
    }

    [Fact]
    public async Task Runs_are_limited_and_bad_settings_and_uploads_are_refused_with_a_message()
    {
        await using var server = new Server(mostRuns: 2);
        async Task<(HttpStatusCode, JsonElement)> Post(object body)
        {
            var r = await server.Http.PostAsJsonAsync("api/runs", body);
            return (r.StatusCode, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement);
        }
        var (first, run) = await Post(Request(new { dataset = "xor" }));
        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(400, run.GetProperty("points").GetArrayLength());
        // half the points are the test split (the 4th number of each point), as the settings ask
        Assert.Equal(200, run.GetProperty("points").EnumerateArray().Count(p => p[3].GetSingle() == 1));
        Assert.Equal(HttpStatusCode.OK, (await Post(Request(new { dataset = "spiral", layers = new[] { new { units = 8, activation = "relu" } } }))).Item1);
        var (third, refused) = await Post(Request(new { dataset = "moons" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, third);
        Assert.Contains("2 runs are already live", refused.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await server.Http.DeleteAsync($"api/runs/{run.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(1, server.Runs.Count);

        var (wide, tooWide) = await Post(Request(new { dataset = "xor", layers = new[] { new { units = 99, activation = "tanh" } } }));
        Assert.Equal(HttpStatusCode.BadRequest, wide);
        Assert.Equal("layer 1: 99 units, between 1 and 32", tooWide.GetProperty("error").GetString());
        var (deep, _) = await Post(Request(new { dataset = "xor", layers = Enumerable.Repeat(new { units = 2, activation = "tanh" }, 9).ToArray() }));
        Assert.Equal(HttpStatusCode.BadRequest, deep);
        foreach (var json in new[] { """{"settings":{"layers":null}}""", """{"settings":{"features":null}}""", """{"settings":{"layers":[null]}}""",
                     """{"settings":{"layers":[{"units":2,"activation":null}]}}""", "{", "garbage", "[]", "", """{"settings":{"seed":1e30}}""" })
        {
            var r = await server.Http.PostAsync("api/runs", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{json}: {(int)r.StatusCode}");
            // every refusal carries a message the page can show
            Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()), json);
        }
        var (big, tooBig) = await Post(Request(new { dataset = "csv" }, new string('1', PlaygroundData.MostCsvBytes + 1), "big.csv"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big);
        Assert.Contains("big.csv", tooBig.GetProperty("error").GetString());
        var (bad, badCsv) = await Post(Request(new { dataset = "csv" }, "x1,x2,label\n1,2,a\n3,oops,b\n", "mine.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("mine.csv:3: column 'x2': 'oops' is not a number", badCsv.GetProperty("error").GetString());
        var (three, threeColumns) = await Post(Request(new { dataset = "csv" }, "a,b,c,label\n1,2,3,x\n4,5,6,y\n", "three.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, three);
        Assert.Contains("3 feature columns", threeColumns.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_run_trains_over_its_event_stream_and_ends_with_its_tab()
    {
        await using var server = new Server();
        var created = JsonDocument.Parse(await (await server.Http.PostAsJsonAsync("api/runs", Request(new { dataset = "xor", seed = 3 }))).Content.ReadAsStringAsync()).RootElement;
        var id = created.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await server.Http.PostAsync($"api/runs/{id}/play", null)).StatusCode);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = await server.Http.GetStreamAsync($"api/runs/{id}/events", cancel.Token);
        using var reader = new StreamReader(stream);
        var frames = new List<JsonElement>();
        while (frames.Count < 8 && await reader.ReadLineAsync(cancel.Token) is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal)) frames.Add(JsonDocument.Parse(line[6..]).RootElement);
        Assert.Equal(0, frames[0].GetProperty("epoch").GetInt32());
        Assert.True(frames[^1].GetProperty("epoch").GetInt32() >= 35);
        Assert.Equal(PlaygroundRun.OutputGrid * PlaygroundRun.OutputGrid, frames[^1].GetProperty("output").GetArrayLength());
        Assert.Equal([4, 2], frames[^1].GetProperty("units").EnumerateArray().Select(u => u.GetArrayLength()));
        Assert.True(frames[^1].GetProperty("testLoss").GetDouble() < frames[0].GetProperty("testLoss").GetDouble());
        reader.Dispose();
        // the tab closed: the run ends
        for (var i = 0; i < 100 && server.Runs.Count > 0; i++) await Task.Delay(50);
        Assert.Equal(0, server.Runs.Count);
    }

    /// <summary>The playground's run is pure train's run: the same data, seed and settings give the same losses, epoch by epoch.</summary>
    [Fact]
    public void A_runs_losses_equal_pure_trains_for_the_same_seed()
    {
        var settings = new PlaygroundSettings { Dataset = "xor", Noise = 0.2, Seed = 5, Batch = 10, Layers = [new(4, "tanh"), new(2, "tanh")], Optimizer = "sgd", LearningRate = 0.03 };
        var data = PlaygroundData.Generate(settings);
        var folder = TestFiles.TempFolder();
        var csv = Path.Combine(folder, "xor.csv");
        File.WriteAllLines(csv, ["x1,x2,label", .. Enumerable.Range(0, data.Raw.Rows).Select(r =>
            $"{data.Raw[r, 0].ToString("R", CultureInfo.InvariantCulture)},{data.Raw[r, 1].ToString("R", CultureInfo.InvariantCulture)},{data.Targets[r].ToString(CultureInfo.InvariantCulture)}")]);
        var log = Path.Combine(folder, "log.csv");
        var train = PureCli.Run("train", csv, "--layers", "4,2", "--activation", "tanh", "--optimizer", "sgd", "--lr", "0.03", "--batch", "10", "--test", "0.5",
            "--seed", "5", "--epochs", "6", "--quiet", "--log", log);
        Assert.Equal(0, train.ExitCode);
        var expected = File.ReadAllLines(log).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        using var run = new PlaygroundRun(settings, data, new CpuBackend<float>(1));
        var losses = Enumerable.Range(0, 6).Select(_ => run.Step().Match(l => l, e => throw new InvalidOperationException(e.Message))).ToArray();
        Assert.Equal(expected, losses);
    }

    /// <summary>The real command: it prints its address on 127.0.0.1, serves the page there, and Ctrl+C stops it cleanly (exit 0).</summary>
    [Fact]
    public void The_command_serves_on_loopback_and_stops_on_ctrl_c()
    {
        string? page = null;
        var r = PureProcessInterrupt.RunAndInterrupt(line =>
        {
            if (!line.StartsWith("playground: http://127.0.0.1:", StringComparison.Ordinal)) return false;
            using var http = new HttpClient();
            page = http.GetStringAsync(line["playground: ".Length..line.IndexOf(' ', "playground: ".Length)]).GetAwaiter().GetResult();
            return true;
        }, "playground", "--port", "0");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("<title>Pure playground</title>", page);
        Assert.Contains("playground: stopped", r.Stdout);
        var taken = PureCli.Run("playground", "--port", "70000");
        Assert.Equal(2, taken.ExitCode);
        Assert.Contains("--port: 70000 is not a port", taken.Stderr);
    }
}
