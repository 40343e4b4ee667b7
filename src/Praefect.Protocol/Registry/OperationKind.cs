namespace Praefect.Protocol.Registry;

/// <summary>Whether a method changes a repository (mutator: primary + replication) or only reads it.</summary>
public enum OperationKind
{
    Mutator,
    Accessor,
}
