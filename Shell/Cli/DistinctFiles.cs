namespace Pure.Shell.Cli;

/// <summary>A command's inputs and outputs are different files, compared by what they really name (<see cref="FileIdentity"/>).</summary>
public static class DistinctFiles
{
    /// <summary>A file the command reads or writes, and the option (or argument) that named it.</summary>
    public readonly record struct Named(string What, string Path);

    /// <summary>Refuses, before any work, an output that is one of the inputs, and two outputs that are one file.</summary>
    public static void Check(IReadOnlyList<Named> inputs, IReadOnlyList<Named> outputs)
    {
        foreach (var output in outputs)
            foreach (var input in inputs)
                if (FileIdentity.Same(output.Path, input.Path))
                    throw new CliException($"{output.What} {output.Path}: is the same file as {input.What} {input.Path}; refusing to overwrite an input");
        for (var i = 0; i < outputs.Count; i++)
            for (var j = i + 1; j < outputs.Count; j++)
                if (FileIdentity.Same(outputs[i].Path, outputs[j].Path))
                    throw new CliException($"{outputs[i].What} {outputs[i].Path} and {outputs[j].What} {outputs[j].Path} are the same file; give each output its own");
    }
}
