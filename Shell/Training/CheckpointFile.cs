using System.Globalization;
using System.Text.Json;
using Pure.Shell.Cli;
using Pure.Shell.Models;

namespace Pure.Shell.Training;

/// <summary>
/// A checkpoint is a model file (so <c>pure eval</c> and <c>pure predict</c> read it) plus the training state:
/// the optimiser's moments and step count, the best weights so far, the epoch, and the log. A fingerprint of
/// the run's settings and data guards <c>--resume</c> against continuing a different run.
/// </summary>
public static class CheckpointFile
{
    const string Optimiser = ModelFile.CheckpointPrefix + "optimizer";
    const string Best = ModelFile.CheckpointPrefix + "best";
    const string BestState = ModelFile.CheckpointPrefix + "best_state";

    public static void Save(string path, SavedModel model, Checkpoint checkpoint, string fingerprint, Schedule schedule)
    {
        var tensors = ModelFile.Tensors(model).ToList();
        tensors.Add(new Tensor(Optimiser, [checkpoint.Optimiser.Slots.Length], checkpoint.Optimiser.Slots.ToArray()));
        if (checkpoint.Best is { } best) tensors.Add(new Tensor(Best, [best.Length], best.ToArray()));
        if (checkpoint.BestState is { Length: > 0 } bestState) tensors.Add(new Tensor(BestState, [bestState.Length], bestState.ToArray()));
        var meta = ModelFile.Metadata(model);
        meta["checkpoint_epoch"] = I(checkpoint.Epoch);
        meta["checkpoint_step"] = I(checkpoint.Optimiser.Step);
        meta["checkpoint_best_epoch"] = I(checkpoint.BestEpoch);
        meta["checkpoint_best_loss"] = checkpoint.BestLoss.ToString("R", CultureInfo.InvariantCulture);
        meta["checkpoint_fingerprint"] = fingerprint;
        meta["checkpoint_schedule"] = schedule.ToString();
        meta["checkpoint_log"] = JsonSerializer.Serialize(checkpoint.Log.Select(r => new double?[] { r.Epoch, r.Loss, r.Accuracy, r.ValidationLoss, r.ValidationAccuracy, r.Seconds }));
        SafeTensors.Write(path, tensors, meta);
    }

    /// <summary>Reads a checkpoint written by <see cref="Save"/> for the run with <paramref name="fingerprint"/> and <paramref name="schedule"/>.</summary>
    public static Checkpoint Load(string path, string fingerprint, Schedule schedule)
    {
        var file = SafeTensors.Read(path);
        var model = ModelFile.Load(file, path);
        var meta = file.Metadata;
        CliException Bad(string what) => new($"{path}: not a usable checkpoint: {what}", ExitCodes.BadInput);
        string Get(string key) => meta.TryGetValue(key, out var v) ? v : throw Bad($"metadata '{key}' is missing (a model file, not a checkpoint?)");
        int Int(string key) => int.TryParse(Get(key), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw Bad($"metadata '{key}' is not a count");
        // the schedule's steps (its horizon above all): the rate at each step must be the one the saved run had; files from before schedules were constant
        var saved = meta.TryGetValue("checkpoint_schedule", out var s) ? s : Schedule.None.ToString();
        if (saved != schedule.ToString())
            throw Bad($"it was made with the learning-rate schedule {saved}; this run's is {schedule} (the same --schedule, --warmup and --epochs continue it)");
        if (Get("checkpoint_fingerprint") != fingerprint)
            throw Bad($"it was made by a run with other settings or data ({Get("checkpoint_fingerprint")}); this run is ({fingerprint})");
        var slots = file.Find(Optimiser) ?? throw Bad($"no tensor '{Optimiser}'");
        var best = file.Find(Best);
        var bestState = file.Find(BestState);
        // the weights are checked by the model loader; the state that continues them must be numbers too
        foreach (var tensor in new[] { slots, best, bestState })
            if (tensor is not null && Array.FindIndex(tensor.Data, v => !float.IsFinite(v)) is var bad and >= 0)
                throw Bad($"tensor '{tensor.Name}' holds {tensor.Data[bad]} at index {bad}");
        if (!double.TryParse(Get("checkpoint_best_loss"), NumberStyles.Float, CultureInfo.InvariantCulture, out var bestLoss)) throw Bad("metadata 'checkpoint_best_loss' is not a number");
        double?[][] rows;
        try
        {
            rows = JsonSerializer.Deserialize<double?[][]>(Get("checkpoint_log")) ?? [];
        }
        catch (JsonException e)
        {
            throw Bad($"metadata 'checkpoint_log' is not a log: {e.Message}");
        }
        if (rows.Any(r => r.Length != 6 || r[0] is null || r[1] is null || r[5] is null)) throw Bad("metadata 'checkpoint_log' has a malformed row");
        var log = rows.Select(r => new EpochReport((int)r[0]!.Value, r[1]!.Value, r[2], r[3], r[4], r[5]!.Value)).ToArray();
        var bestParams = best is null ? null : Params.From(model.Params.Layout, best.Data).Match(p => p, e => throw Bad($"tensor '{Best}': {e.Message}"));
        var layout = model.State!.Layout;
        var bestLayerState = bestState is null ? bestParams is null ? null : LayerState.Initial(layout)
            : LayerState.From(layout, bestState.Data).Match(v => v, e => throw Bad($"tensor '{BestState}': {e.Message}"));
        return new Checkpoint(Int("checkpoint_epoch"), model.Params, OptimiserState.Of(Int("checkpoint_step"), slots.Data), Int("checkpoint_best_epoch"), bestLoss, bestParams, log)
        {
            State = model.State,
            BestState = bestLayerState,
        };
    }

    static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
