using Grpc.Core;
using Grpc.Reflection.V1Alpha;

namespace Praefect.Protocol.Reflection;

/// <summary>
/// Serves <c>grpc.reflection.v1alpha.ServerReflection</c> from a <see cref="DescriptorCatalog"/>:
/// list_services, file_by_filename and file_containing_symbol (the file with its dependencies).
/// The catalog is read per request, so a server can swap it (praefect after learning the nodes).
/// </summary>
public sealed class ReflectionServer(Func<DescriptorCatalog> catalog) : ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = requestStream.Current;
            var response = Answer(catalog(), request);
            response.ValidHost = request.Host;
            response.OriginalRequest = request;
            await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private static ServerReflectionResponse Answer(DescriptorCatalog files, ServerReflectionRequest request)
    {
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                var list = new ListServiceResponse();
                list.Service.AddRange(files.ServiceNames.Select(name => new ServiceResponse { Name = name }));
                return new ServerReflectionResponse { ListServicesResponse = list };
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename when files.Contains(request.FileByFilename):
                return Files(files.WithDependencies(request.FileByFilename));
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol when files.TryFindFileOfSymbol(request.FileContainingSymbol, out var file):
                return Files(files.WithDependencies(file));
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                return Error(StatusCode.NotFound, $"not found: {request.FileByFilename}{request.FileContainingSymbol}");
            default:
                return Error(StatusCode.Unimplemented, $"{request.MessageRequestCase} is not supported");
        }
    }

    private static ServerReflectionResponse Files(IEnumerable<Google.Protobuf.ByteString> files)
    {
        var response = new FileDescriptorResponse();
        response.FileDescriptorProto.AddRange(files);
        return new ServerReflectionResponse { FileDescriptorResponse = response };
    }

    private static ServerReflectionResponse Error(StatusCode code, string message) =>
        new() { ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message } };
}
