using Gitaly;
using Google.Protobuf;

namespace GitalyLite.Tests.Integration;

/// <summary>
/// A client that keeps its request stream open after git is done (as praefect's pooled
/// connections and real clients do) must not break the next calls on the same HTTP/2 connection.
/// </summary>
public sealed class ConnectionReuseTests : NodeFixture
{
    [Test]
    public async Task SshUploadPack_ClientKeepsStreamOpen_NextCallsOnSameConnectionSucceed()
    {
        await SeedRepositoryAsync("reuse.git", commits: 2);
        var ssh = new SSHService.SSHServiceClient(Node.OpenChannel());
        var repository = RepositoryClients.Repo(Storage, "reuse.git");

        for (var round = 0; round < 20; round++)
        {
            using var call = ssh.SSHUploadPack(Clients.Headers);
            // A flush-pkt right away: "I want nothing"; upload-pack advertises its refs and exits 0.
            await call.RequestStream.WriteAsync(new SSHUploadPackRequest { Repository = repository, Stdin = ByteString.CopyFromUtf8("0000") });
            int? exitCode = null;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                if (call.ResponseStream.Current.ExitStatus is { } status)
                {
                    exitCode = status.Value;
                }
            }

            Assert.That(exitCode, Is.EqualTo(0), $"round {round}");
            var exists = await Clients.Repository.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = repository }, Clients.Headers);
            Assert.That(exists.Exists, Is.True, $"round {round}");
        }
    }
}
