using System.CommandLine;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pure.Shell.Cli;
using Pure.Shell.Playground;

namespace Pure.Shell.Commands;

/// <summary><c>pure playground [--port N] [--open]</c>: a network trained live in the browser, served on 127.0.0.1 until Ctrl+C.</summary>
public static class PlaygroundCommand
{
    /// <summary>The command; each run trains on a backend from <paramref name="backends"/> (Program's choice: the CPU, one thread a run).</summary>
    public static Command Create(Func<IBackend<float>> backends)
    {
        var port = new Option<int>("--port") { Description = "the port on 127.0.0.1 (0: any free one)", DefaultValueFactory = _ => 8177 };
        var open = new Option<bool>("--open") { Description = "open the page in the default browser" };
        var command = new Command("playground", "Train a network live in the browser: datasets, features, layers, activations, dropout; the decision surface as it forms") { port, open };
        command.SetAction(async (r, cancel) =>
        {
            var p = r.GetValue(port);
            if (p is < 0 or > 65535) throw new CliException($"--port: {p} is not a port (0 to 65535)");
            var runs = new PlaygroundRuns(backends);
            await using var app = PlaygroundServer.Build(p, runs);
            try
            {
                await app.StartAsync(cancel);
            }
            catch (IOException e)
            {
                throw new CliException($"--port {p}: {e.Message}");
            }
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            r.InvocationConfiguration.Output.WriteLine($"playground: {address}/ (127.0.0.1 only; Ctrl+C stops it)");
            if (r.GetValue(open)) TryOpen(address, r.InvocationConfiguration.Error);
            // Ctrl+C or SIGTERM: the host's console lifetime fires ApplicationStopping
            var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancel, app.Lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(Timeout.Infinite, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // the signal to stop
            }
            await app.StopAsync(CancellationToken.None);
            runs.Clear();
            r.InvocationConfiguration.Output.WriteLine("playground: stopped");
            return ExitCodes.Ok;
        });
        return command;
    }

    static void TryOpen(string address, TextWriter error)
    {
        try
        {
            Process.Start(new ProcessStartInfo("xdg-open", address) { UseShellExecute = false, RedirectStandardError = true })?.Dispose();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            error.WriteLine($"playground: no browser to open here; visit {address}/");
        }
    }
}
