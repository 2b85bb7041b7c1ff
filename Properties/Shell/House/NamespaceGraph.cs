using System.Reflection;
using System.Reflection.Emit;

namespace Pure.Properties.House;

/// <summary>
/// Which namespaces of an assembly use which, read from the compiled code itself: every type's base type,
/// interfaces, fields, properties, method signatures, generic arguments, and every type, method and field
/// token in the method bodies' IL. Compiler-generated types (closures, lambdas, state machines) count for
/// the namespace they are declared in.
/// </summary>
public static class NamespaceGraph
{
    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>namespace → the namespaces (of any assembly) its code refers to, self excluded.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Of(Assembly assembly)
    {
        var edges = new Dictionary<string, HashSet<string>>();
        foreach (var type in assembly.GetTypes())
        {
            var from = type.Namespace ?? "";
            if (!edges.TryGetValue(from, out var to)) edges[from] = to = [];
            foreach (var used in TypesUsedBy(type))
                if (used.Namespace is { } ns && ns != from) to.Add(ns);
        }
        return edges.ToDictionary(e => e.Key, e => (IReadOnlySet<string>)e.Value);
    }

    /// <summary>Every type the code of namespace <paramref name="ns"/> (and its children) refers to.</summary>
    public static IReadOnlySet<Type> TypesUsedIn(Assembly assembly, string ns) => TypesIn(assembly, ns).SelectMany(TypesUsedBy).ToHashSet();

    /// <summary>Every method and field the method bodies of namespace <paramref name="ns"/> (and its children) call or touch.</summary>
    public static IReadOnlySet<MemberInfo> MembersUsedIn(Assembly assembly, string ns) =>
        TypesIn(assembly, ns).SelectMany(t => t.GetMethods(Everything).Cast<MethodBase>().Concat(t.GetConstructors(Everything)))
            .SelectMany(m => Tokens(m).OfType<MemberInfo>().Where(member => member is not Type)).ToHashSet();

    /// <summary>The static fields of namespace <paramref name="ns"/> that can be assigned after initialisation (compiler-generated ones aside).</summary>
    public static IReadOnlyList<FieldInfo> MutableStatics(Assembly assembly, string ns) =>
        TypesIn(assembly, ns).Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) && !t.Name.StartsWith('<'))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) && !f.Name.StartsWith('<'))
            .ToArray();

    static IEnumerable<Type> TypesIn(Assembly assembly, string ns) =>
        assembly.GetTypes().Where(t => t.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal)));

    /// <summary>A cycle among the namespaces that start with <paramref name="prefix"/>, as a path, or null.</summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, IReadOnlySet<string>> graph, string prefix)
    {
        var state = new Dictionary<string, int>(); // 1 on the stack, 2 done
        var stack = new List<string>();
        IReadOnlyList<string>? Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, new HashSet<string>()).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order())
            {
                if (state.GetValueOrDefault(next) == 1) return [.. stack.SkipWhile(n => n != next), next];
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } cycle) return cycle;
            }
            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (var node in graph.Keys.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order())
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle) return cycle;
        return null;
    }

    public static IEnumerable<Type> TypesUsedBy(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null) return;
            if (t.HasElementType) { Add(t.GetElementType()); return; }
            if (t.IsGenericParameter) return;
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var a in t.GetGenericArguments()) Add(a);
                t = t.GetGenericTypeDefinition();
            }
            found.Add(t);
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var f in type.GetFields(Everything)) Add(f.FieldType);
        foreach (var p in type.GetProperties(Everything)) Add(p.PropertyType);
        foreach (var m in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (m is MethodInfo mi) Add(mi.ReturnType);
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            foreach (var t in TypesInBody(m)) Add(t);
        }
        return found;
    }

    /// <summary>The declaring types of every token in <paramref name="method"/>'s IL, its signatures' types, and the local variables' types.</summary>
    static IEnumerable<Type> TypesInBody(MethodBase method)
    {
        if (method.GetMethodBody() is { } body)
            foreach (var local in body.LocalVariables) yield return local.LocalType;
        foreach (var member in Tokens(method))
        {
            if (member is Type t) { yield return t; continue; }
            if (member.DeclaringType is { } declaring) yield return declaring;
            if (member is MethodInfo mi) { yield return mi.ReturnType; foreach (var p in mi.GetParameters()) yield return p.ParameterType; }
            if (member is FieldInfo fi) yield return fi.FieldType;
        }
    }

    /// <summary>Every type, method and field token in <paramref name="method"/>'s IL, resolved.</summary>
    static IEnumerable<MemberInfo> Tokens(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null) yield break;
        var il = body.GetILAsByteArray() ?? [];
        var module = method.Module;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    MemberInfo? member = null;
                    try { member = module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs); }
                    catch (ArgumentException) { }
                    if (member is not null) yield return member;
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                default:
                    i += op.OperandType switch
                    {
                        OperandType.InlineNone => 0,
                        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                        OperandType.InlineVar => 2,
                        OperandType.InlineI8 or OperandType.InlineR => 8,
                        _ => 4,
                    };
                    break;
            }
        }
    }
}
