using Gitaly;
using Google.Protobuf;
using Grpc.Core;

namespace Praefect.Server.Tests.Support;

internal sealed class ScriptedSmartHttpService(ScriptedNodeState state) : SmartHTTPService.SmartHTTPServiceBase
{
    /// <summary>
    /// Server streaming: git_protocol "chunks=N,size=S" asks for N messages of S bytes each (default 3 x 10);
    /// "abort=K" resets the HTTP/2 stream after K messages, like a node that dies mid-stream.
    /// </summary>
    public override async Task InfoRefsUploadPack(InfoRefsRequest request, IServerStreamWriter<InfoRefsResponse> responseStream, ServerCallContext context)
    {
        await ScriptedCalls.BeginAsync(state, context, request.Repository);
        var (chunks, size, abortAfter) = (3, 10, -1);
        foreach (var part in request.GitProtocol.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=');
            if (pair[0] == "chunks")
            {
                chunks = int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (pair[0] == "size")
            {
                size = int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (pair[0] == "abort")
            {
                abortAfter = int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        for (var i = 0; i < chunks; i++)
        {
            if (i == abortAfter)
            {
                context.GetHttpContext().Abort();
                return;
            }

            var data = new byte[size];
            Array.Fill(data, (byte)('a' + (i % 26)));
            await responseStream.WriteAsync(new InfoRefsResponse { Data = ByteString.CopyFrom(data) });
        }
    }
}
