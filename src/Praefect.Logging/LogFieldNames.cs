namespace Praefect.Logging;

/// <summary>
/// Maps [LoggerMessage] placeholder names (PascalCase, since they must be C# identifiers) to the
/// field names Gitaly's logs use: <c>GrpcMethod</c> -> <c>grpc.method</c>, <c>RelativePath</c> -> <c>relative_path</c>.
/// </summary>
public static class LogFieldNames
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>Go's names that the snake_case rule cannot produce.</summary>
    private static readonly Dictionary<string, string> GoNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GrpcRequestFullMethod"] = "grpc.request.fullMethod",
        ["PeerAddress"] = "peer.address",
        ["SpanKind"] = "span.kind",
    };

    public static string ToFieldName(string placeholder) => Cache.GetOrAdd(placeholder, p => GoNames.GetValueOrDefault(p) ?? Convert(p));

    private static string Convert(string name)
    {
        var snake = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && name[i - 1] != '.')
                {
                    snake.Append('_');
                }

                snake.Append(char.ToLowerInvariant(c));
            }
            else
            {
                snake.Append(c);
            }
        }

        var field = snake.ToString();
        return field.StartsWith("grpc_", StringComparison.Ordinal) ? "grpc." + field[5..] : field;
    }
}
