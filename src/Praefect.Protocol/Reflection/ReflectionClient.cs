using Grpc.Core;
using Grpc.Reflection.V1Alpha;

namespace Praefect.Protocol.Reflection;

/// <summary>
/// Asks a node's <c>grpc.reflection.v1alpha.ServerReflection</c> for its services and, per service,
/// the file that declares it with every dependency, on one stream. Everything it receives is bounded
/// (<see cref="ReflectionLimits"/>); a malformed or oversized answer gives an error, never an exception.
/// </summary>
public static class ReflectionClient
{
    private const string ReflectionPrefix = "grpc.reflection.";

    public static async Task<ReflectionResult> LearnAsync(CallInvoker invoker, Grpc.Core.Metadata? headers, TimeSpan timeout, ReflectionLimits limits, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await LearnCoreAsync(invoker, headers, timeout, limits, deadline.Token).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            return new ReflectionResult(null, null, []) { NotServed = true };
        }
        catch (RpcException e)
        {
            return ReflectionResult.Failed($"reflection call failed: {e.StatusCode}: {e.Status.Detail}") with { Unreachable = e.StatusCode == StatusCode.Unavailable };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ReflectionResult.Failed($"reflection did not answer within {timeout.TotalSeconds:0.#} s");
        }
    }

    private static async Task<ReflectionResult> LearnCoreAsync(CallInvoker invoker, Grpc.Core.Metadata? headers, TimeSpan timeout, ReflectionLimits limits, CancellationToken cancellationToken)
    {
        var client = new ServerReflection.ServerReflectionClient(invoker);
        using var call = client.ServerReflectionInfo(headers, DateTime.UtcNow + timeout, cancellationToken);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "*" }, cancellationToken).ConfigureAwait(false);
        var listed = await NextAsync(call, cancellationToken).ConfigureAwait(false);
        if (listed is null)
        {
            return ReflectionResult.Failed("the reflection stream ended before it listed the services");
        }

        if (listed.MessageResponseCase == ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse)
        {
            return ReflectionResult.Failed($"list_services answered error {listed.ErrorResponse.ErrorCode}: {listed.ErrorResponse.ErrorMessage}");
        }

        if (listed.MessageResponseCase != ServerReflectionResponse.MessageResponseOneofCase.ListServicesResponse)
        {
            return ReflectionResult.Failed($"list_services answered {listed.MessageResponseCase} instead of the list of services");
        }

        var services = listed.ListServicesResponse.Service.Select(s => s.Name).Where(n => !n.StartsWith(ReflectionPrefix, StringComparison.Ordinal)).Distinct().ToList();
        if (services.Count > limits.MaxServices)
        {
            return ReflectionResult.Failed($"the node lists {services.Count} services, more than the limit of {limits.MaxServices}");
        }

        var catalog = new DescriptorCatalog();
        var problems = new List<string>();
        long bytes = 0;
        var files = 0;
        foreach (var service in services)
        {
            if (catalog.TryFindFileOfSymbol(service, out _))
            {
                continue;
            }

            await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = service }, cancellationToken).ConfigureAwait(false);
            var answer = await NextAsync(call, cancellationToken).ConfigureAwait(false);
            if (answer is null)
            {
                return ReflectionResult.Failed($"the reflection stream ended before it described service {service}");
            }

            if (answer.MessageResponseCase != ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse)
            {
                problems.Add(answer.MessageResponseCase == ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse
                    ? $"service {service}: error {answer.ErrorResponse.ErrorCode}: {answer.ErrorResponse.ErrorMessage}"
                    : $"service {service}: answered {answer.MessageResponseCase} instead of its file");
                continue;
            }

            foreach (var raw in answer.FileDescriptorResponse.FileDescriptorProto)
            {
                bytes += raw.Length;
                files++;
                if (bytes > limits.MaxBytes || files > limits.MaxFiles)
                {
                    return ReflectionResult.Failed($"the reflection answer is larger than the limit ({limits.MaxFiles} files, {limits.MaxBytes} bytes) at service {service}");
                }

                if (!catalog.TryAdd(raw, out var error))
                {
                    problems.Add($"service {service}: {error}");
                }
            }
        }

        // End the stream cleanly (a disposed call would reset it, and the node would log an error).
        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        while (await NextAsync(call, cancellationToken).ConfigureAwait(false) is not null)
        {
        }

        return new ReflectionResult(catalog, null, problems);
    }

    private static async Task<ServerReflectionResponse?> NextAsync(AsyncDuplexStreamingCall<ServerReflectionRequest, ServerReflectionResponse> call, CancellationToken cancellationToken) =>
        await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false) ? call.ResponseStream.Current : null;
}
