namespace Praefect.Protocol.Rewriting;

/// <summary>The routing fields of a <c>gitaly.Repository</c> read from raw bytes.</summary>
public readonly record struct RepositoryRef(string StorageName, string RelativePath);
