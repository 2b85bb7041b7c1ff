using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pure.Shell.Cli;

namespace Pure.Shell.Playground;

/// <summary>What the page sends to start a run: the settings and, for the <c>csv</c> dataset, the dropped file's text and name.</summary>
public sealed record RunRequest(PlaygroundSettings Settings, string? Csv = null, string? CsvName = null);

/// <summary>
/// <c>pure playground</c>'s web server (ASP.NET Core minimal API), bound to 127.0.0.1: the page (three embedded
/// files), and the run API — create a run, its event stream (Server-Sent Events: the stream trains the run and
/// sends a frame every few epochs), play / pause / step, end. Nothing else is served; nothing is read from disk
/// but what the page uploads.
/// </summary>
public static class PlaygroundServer
{
    /// <summary>Epochs between frames while playing, and the least time between frames: about 100 epochs and 20 frames a second, to watch.</summary>
    public const int EpochsPerFrame = 5;

    static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(50);

    // a frame before the first epoch has no training loss yet: NaN travels as the string "NaN"
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The largest request body read: a CSV at the cap, escaped, with the settings.</summary>
    const long MostRequestBytes = 8L * PlaygroundData.MostCsvBytes;

    static readonly (string Path, string Resource, string Type)[] Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/playground.js", "playground.js", "text/javascript; charset=utf-8"),
        ("/playground.css", "playground.css", "text/css; charset=utf-8"),
    ];

    public static WebApplication Build(int port, PlaygroundRuns runs)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "pure-playground" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = MostRequestBytes;
        });
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNameCaseInsensitive = true);
        var app = builder.Build();
        foreach (var (path, resource, type) in Files)
        {
            var bytes = Resource(resource);
            app.MapGet(path, () => Results.Bytes(bytes, type));
        }
        app.MapGet("/api/catalogue", () => Results.Json(new
        {
            activations = Layers.NonlinearityNames, initialisers = Inits.ByName.Keys.Order(), optimizers = OptimiserKind.All.Select(k => k.Id),
            features = PlaygroundSettings.FeatureNames, datasets = PlaygroundSettings.Datasets,
            mostLayers = PlaygroundSettings.MostLayers, mostUnits = PlaygroundSettings.MostUnits, mostPoints = PlaygroundSettings.MostPoints,
            mostCsvBytes = PlaygroundData.MostCsvBytes, mostRuns = PlaygroundRuns.MostRuns,
        }, Json));
        app.MapPost("/api/runs", async (HttpRequest request) =>
        {
            RunRequest? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<RunRequest>(request.Body, Json);
            }
            catch (JsonException e)
            {
                return Error(400, $"the request is not the playground's JSON: {e.Message}");
            }
            catch (BadHttpRequestException e)
            {
                return Error(e.StatusCode, e.Message);
            }
            return body is null ? Error(400, "the request is empty") : Create(body, runs);
        });
        app.MapGet("/api/runs/{id}/events", (string id, HttpContext context) => Events(id, context, runs));
        app.MapPost("/api/runs/{id}/{action}", (string id, string action) => Control(id, action, runs));
        app.MapDelete("/api/runs/{id}", (string id) => runs.Remove(id) ? Results.NoContent() : Results.NotFound());
        return app;
    }

    static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Pure.Shell.Playground.Web.{name}")
            ?? throw new InvalidOperationException($"the page's {name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    static IResult Error(int status, string message) => Results.Json(new { error = message }, Json, statusCode: status);

    static IResult Create(RunRequest request, PlaygroundRuns runs)
    {
        var settings = request.Settings ?? new PlaygroundSettings();
        if (settings.Problem() is { } problem) return Error(400, problem);
        if (request.Csv is { Length: > PlaygroundData.MostCsvBytes })
            return Error(413, $"{request.CsvName ?? "the file"}: {request.Csv.Length:N0} bytes; the playground takes CSV files up to {PlaygroundData.MostCsvBytes:N0}");
        PlaygroundData data;
        try
        {
            data = settings.Dataset == "csv"
                ? PlaygroundData.FromCsv(request.Csv ?? throw new CliException("the csv dataset needs a dropped file"), request.CsvName ?? "data.csv")
                : PlaygroundData.Generate(settings);
        }
        catch (CliException e)
        {
            return Error(400, e.Message);
        }
        PlaygroundRun? made = null;
        string? id;
        try
        {
            id = runs.Add(() => made = new PlaygroundRun(settings, data, runs.NewBackend()));
        }
        catch (CliException e)
        {
            return Error(400, e.Message);
        }
        if (id is null) return Error(429, $"{runs.Limit} runs are already live (one per tab); close a tab, or wait a minute for an idle one to end");
        var run = made!;
        // the split's rows come in the split's (shuffled) order, not sorted
        var test = run.TestRows.ToHashSet();
        var points = Enumerable.Range(0, data.Raw.Rows).Select(r => new[] { data.Raw[r, 0], data.Raw[r, 1], data.Targets[r], test.Contains(r) ? 1f : 0f }).ToArray();
        return Results.Json(new { id, regression = data.Regression, bounds = new[] { run.Bounds.X0, run.Bounds.X1, run.Bounds.Y0, run.Bounds.Y1 }, points,
            outputGrid = PlaygroundRun.OutputGrid, unitGrid = PlaygroundRun.UnitGrid }, Json);
    }

    static IResult Control(string id, string action, PlaygroundRuns runs)
    {
        if (runs.Find(id) is not { } entry) return Error(404, "no such run (it ended: reload the page)");
        switch (action)
        {
            case "play": entry.Playing = true; break;
            case "pause": entry.Playing = false; break;
            case "step": Interlocked.Increment(ref entry.PendingSteps); break;
            default: return Error(404, $"unknown action '{action}' (play, pause, step)");
        }
        return Results.NoContent();
    }

    /// <summary>The run's event stream: a frame now, then training while playing (or for each step asked) and a frame every few epochs.</summary>
    static async Task Events(string id, HttpContext context, PlaygroundRuns runs)
    {
        if (runs.Find(id) is not { } entry)
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var cancel = context.RequestAborted;
        Interlocked.Increment(ref entry.Listeners);
        try
        {
            var loss = double.NaN;
            await Send(context, "frame", Frame(entry, loss), cancel);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!cancel.IsCancellationRequested)
            {
                entry.LastSeen = DateTime.UtcNow;
                var steps = entry.Playing ? EpochsPerFrame : Interlocked.Exchange(ref entry.PendingSteps, 0);
                if (steps == 0)
                {
                    await Task.Delay(40, cancel);
                    continue;
                }
                string? failure = null;
                lock (entry.Training)
                    for (var s = 0; s < steps && failure is null; s++)
                        entry.Run.Step().Match(l => loss = l, e => failure = e.Message);
                if (failure is not null)
                {
                    entry.Playing = false;
                    await Send(context, "failed", new { error = failure }, cancel);
                    continue;
                }
                // a frame at most every FrameInterval while playing: the page can draw them all
                if (entry.Playing && clock.Elapsed < FrameInterval) await Task.Delay(FrameInterval - clock.Elapsed, cancel);
                await Send(context, "frame", Frame(entry, loss), cancel);
                clock.Restart();
            }
        }
        catch (OperationCanceledException)
        {
            // the tab went away
        }
        finally
        {
            Interlocked.Decrement(ref entry.Listeners);
            // a closed tab ends its run
            runs.Remove(id);
        }
    }

    static PlaygroundFrame Frame(PlaygroundRuns.Entry entry, double loss)
    {
        lock (entry.Training) return entry.Run.Frame(loss);
    }

    static async Task Send(HttpContext context, string kind, object payload, CancellationToken cancel)
    {
        await context.Response.WriteAsync($"event: {kind}\ndata: {JsonSerializer.Serialize(payload, Json)}\n\n", cancel);
        await context.Response.Body.FlushAsync(cancel);
    }
}
