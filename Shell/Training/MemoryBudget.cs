using Pure.Shell.Cli;

namespace Pure.Shell.Training;

/// <summary>
/// What a training run will hold in memory, estimated before anything large is allocated, and the refusal of
/// one that cannot fit: the machine's memory (the GC's limit, which a container's cgroup lowers) or --max-memory.
/// </summary>
public sealed record MemoryBudget(long Step, long Data, long HostParameters)
{
    public long Total => Step + Data + HostParameters;

    /// <summary>
    /// The compiled step on the backend, every uploaded split (features and targets as uploaded), and the host's
    /// copies of the parameters: the initial ones, the kept ones, and a checkpoint's parameters and optimiser
    /// state with the copies the file writer takes.
    /// </summary>
    public static MemoryBudget For(Network network, Optimiser optimiser, int batchCapacity, int rows, int targetValuesPerRow)
    {
        long parameters = network.Layout.Length;
        return new MemoryBudget(
            TrainingStep.BytesNeeded(network, optimiser, batchCapacity),
            DeviceDataset.BytesNeeded(rows, network.InputWidth, targetValuesPerRow),
            sizeof(float) * parameters * (2 + 2 * (1 + optimiser.StateSlots)));
    }

    /// <summary>The machine's memory as the runtime may use it.</summary>
    public static long MachineLimit => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Refuses (exit 2) a run whose estimate exceeds <paramref name="maxMemory"/>, or the machine's memory when none is given.</summary>
    public void Check(long? maxMemory)
    {
        var (limit, what) = maxMemory is { } max ? (max, $"the --max-memory of {ByteSize.Format(max)}") : (MachineLimit, $"this machine's {ByteSize.Format(MachineLimit)}");
        if (Total <= limit) return;
        throw new CliException(
            $"the run needs about {ByteSize.Format(Total)} (network, gradients, optimiser state and batches {ByteSize.Format(Step)}; data {ByteSize.Format(Data)}; " +
            $"host copies of the parameters {ByteSize.Format(HostParameters)}), more than {what}: use fewer or narrower --layers or a smaller --batch" +
            (maxMemory is null ? "" : ", or raise --max-memory"));
    }
}
