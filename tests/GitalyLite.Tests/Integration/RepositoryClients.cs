using Gitaly;
using Grpc.Core;
using Grpc.Net.Client;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

/// <summary>Typed clients on one channel, with a fresh auth header per call.</summary>
public sealed class RepositoryClients(GrpcChannel channel, string token)
{
    public RepositoryService.RepositoryServiceClient Repository { get; } = new(channel);
    public RemoteService.RemoteServiceClient Remote { get; } = new(channel);
    public RefService.RefServiceClient Ref { get; } = new(channel);
    public ServerService.ServerServiceClient Server { get; } = new(channel);
    public SmartHTTPService.SmartHTTPServiceClient SmartHttp { get; } = new(channel);

    public Metadata Headers => GitalyChannel.AuthHeaders(token);

    public static Repository Repo(string storage, string relativePath) => new() { StorageName = storage, RelativePath = relativePath };

    public async Task CreateAsync(Repository repository) =>
        await Repository.CreateRepositoryAsync(new CreateRepositoryRequest { Repository = repository }, Headers);

    public async Task<string> ChecksumAsync(Repository repository) =>
        (await Repository.CalculateChecksumAsync(new CalculateChecksumRequest { Repository = repository }, Headers)).Checksum;
}
