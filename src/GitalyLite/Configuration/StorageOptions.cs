namespace GitalyLite.Configuration;

/// <summary>One named storage: a directory holding bare repositories.</summary>
internal sealed record StorageOptions(string Name, string Path);
