using Gitaly;
using Grpc.Core;

namespace Praefect.Server.Tests.Support;

internal sealed class ScriptedSshService(ScriptedNodeState state) : SSHService.SSHServiceBase
{
    /// <summary>Duplex: echoes every stdin chunk as stdout; "hang" waits for cancellation; the end of input ends the call with exit status 0.</summary>
    public override async Task SSHUploadPack(IAsyncStreamReader<SSHUploadPackRequest> requestStream, IServerStreamWriter<SSHUploadPackResponse> responseStream, ServerCallContext context)
    {
        var first = true;
        while (await requestStream.MoveNext())
        {
            var message = requestStream.Current;
            if (first)
            {
                await ScriptedCalls.BeginAsync(state, context, message.Repository);
                first = false;
            }

            if (message.Stdin.ToStringUtf8() == "hang")
            {
                await ScriptedCalls.HangAsync(state, context);
            }

            if (!message.Stdin.IsEmpty)
            {
                await responseStream.WriteAsync(new SSHUploadPackResponse { Stdout = message.Stdin });
            }
        }

        await responseStream.WriteAsync(new SSHUploadPackResponse { ExitStatus = new ExitStatus { Value = 0 } });
    }
}
