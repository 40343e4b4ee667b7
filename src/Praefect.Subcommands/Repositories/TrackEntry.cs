using System.Text.Json.Serialization;

namespace Praefect.Subcommands.Repositories;

/// <summary>One line of track-repositories' input file, under the Go Praefect's keys.</summary>
internal sealed record TrackEntry(
    [property: JsonPropertyName("relative_path")] string? RelativePath,
    [property: JsonPropertyName("virtual_storage")] string? VirtualStorage,
    [property: JsonPropertyName("authoritative_storage")] string? AuthoritativeStorage);
