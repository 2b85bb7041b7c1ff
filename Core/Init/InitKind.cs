namespace Pure.Core.Init;

public enum InitKind
{
    Constant,
    Uniform,
    Normal,
    XavierUniform,
    XavierNormal,
    HeUniform,
    HeNormal,
    LeCunUniform,
    LeCunNormal,
}
