using Pure.Shell.Cli;

namespace Pure.Shell.Models;

/// <summary>The contents of a safetensors file: its tensors in file order and its string metadata.</summary>
public sealed record SafeTensorsFile(IReadOnlyList<Tensor> Tensors, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>Where the file was read from, for messages.</summary>
    public string Path { get; init; } = "(safetensors)";

    /// <summary>The tensor called <paramref name="name"/>, or a <see cref="CliException"/> naming the file and the tensor.</summary>
    public Tensor Get(string name) =>
        Find(name) ?? throw new CliException($"{Path}: corrupt model file: no tensor named '{name}'", ExitCodes.BadInput);

    /// <summary>The tensor called <paramref name="name"/>, or null.</summary>
    public Tensor? Find(string name) => Tensors.FirstOrDefault(t => t.Name == name);
}
