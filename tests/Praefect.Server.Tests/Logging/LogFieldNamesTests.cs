using Praefect.Logging;
using Praefect.Server.Logging;

namespace Praefect.Server.Tests.Logging;

public sealed class LogFieldNamesTests
{
    [TestCase("GrpcMethod", "grpc.method")]
    [TestCase("GrpcTimeMs", "grpc.time_ms")]
    [TestCase("RelativePath", "relative_path")]
    [TestCase("CorrelationId", "correlation_id")]
    [TestCase("grpcMethod", "grpc.method")]
    [TestCase("storage", "storage")]
    public void ToFieldName_Placeholder_GitalyFieldName(string placeholder, string expected)
    {
        Assert.That(LogFieldNames.ToFieldName(placeholder), Is.EqualTo(expected));
    }
}
