namespace Praefect.Protocol.Registry;

/// <summary>A method that its declaration does not let praefect route, and why.</summary>
public sealed record MethodProblem(string FullMethod, string Problem)
{
    public override string ToString() => $"{FullMethod}: {Problem}";
}
