using Gitaly;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Praefect.Protocol.Gitaly13;

namespace Praefect.Protocol.Reflection;

/// <summary>
/// A set of protocol files (serialized <c>FileDescriptorProto</c>s) with an index of their symbols:
/// what a node declares through gRPC server reflection, or what a server serves through it. Files
/// are parsed with the routing extensions (op_type and the field-level annotations) registered, and
/// never linked into a descriptor pool, so a file with a missing dependency still classifies.
/// The first file of a name wins; a file that redefines a symbol of another file is refused.
/// </summary>
public sealed class DescriptorCatalog
{
    /// <summary>The option extensions praefect reads: MethodOptions op_type (82303) and FieldOptions 91233-91236.</summary>
    public static readonly ExtensionRegistry RoutingExtensions =
    [
        SharedExtensions.OpType,
        RoutingAnnotationsExtensions.Storage,
        RoutingAnnotationsExtensions.Repository,
        RoutingAnnotationsExtensions.TargetRepository,
        RoutingAnnotationsExtensions.AdditionalRepository,
    ];

    private static readonly MessageParser<FileDescriptorProto> Parser = FileDescriptorProto.Parser.WithExtensionRegistry(RoutingExtensions);

    private readonly Dictionary<string, (FileDescriptorProto Proto, ByteString Raw)> _files = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<string, string> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DescriptorProto> _messages = new(StringComparer.Ordinal);

    /// <summary>The catalog of compiled files and every file they depend on.</summary>
    public static DescriptorCatalog FromCompiled(IEnumerable<FileDescriptor> files)
    {
        var catalog = new DescriptorCatalog();
        foreach (var file in files.SelectMany(Closure))
        {
            catalog.TryAdd(file.SerializedData, out _);
        }

        return catalog;
    }

    /// <summary>The files in the order they were added.</summary>
    public IReadOnlyList<string> FileNames => _order;

    /// <summary>Total serialized size of every file.</summary>
    public long TotalBytes => _files.Values.Sum(f => (long)f.Raw.Length);

    /// <summary>Every service with the file that declares it, in file order.</summary>
    public IEnumerable<(FileDescriptorProto File, ServiceDescriptorProto Service)> Services =>
        _order.Select(name => _files[name].Proto).SelectMany(file => file.Service.Select(service => (file, service)));

    /// <summary>Full names of every service, e.g. <c>gitaly.RepositoryService</c>.</summary>
    public IReadOnlyList<string> ServiceNames => Services.Select(s => Qualify(s.File.Package, s.Service.Name)).ToList();

    /// <summary>Adds one serialized file; false (with the reason) when it does not parse or redefines another file's symbol.</summary>
    public bool TryAdd(ByteString raw, out string error)
    {
        FileDescriptorProto proto;
        try
        {
            proto = Parser.ParseFrom(raw);
        }
        catch (InvalidProtocolBufferException e)
        {
            error = $"not a FileDescriptorProto: {e.Message}";
            return false;
        }

        if (proto.Name.Length == 0)
        {
            error = "a FileDescriptorProto without a name";
            return false;
        }

        if (_files.ContainsKey(proto.Name))
        {
            error = "";
            return true;
        }

        var symbols = Symbols(proto).ToList();
        var taken = symbols.FirstOrDefault(s => _symbols.ContainsKey(s.Name));
        if (taken.Name is not null)
        {
            error = $"file \"{proto.Name}\" defines {taken.Name}, which \"{_symbols[taken.Name]}\" defines already";
            return false;
        }

        _files[proto.Name] = (proto, raw);
        _order.Add(proto.Name);
        foreach (var (name, message) in symbols)
        {
            _symbols[name] = proto.Name;
            if (message is not null)
            {
                _messages[name] = message;
            }
        }

        error = "";
        return true;
    }

    /// <summary>The message type of a fully qualified name (".gitaly.Repository" or "gitaly.Repository").</summary>
    public DescriptorProto? FindMessage(string typeName) =>
        _messages.GetValueOrDefault(typeName.StartsWith('.') ? typeName[1..] : typeName);

    /// <summary>The file that defines a symbol: a service, method (<c>pkg.Service.Method</c>), message or enum.</summary>
    public bool TryFindFileOfSymbol(string symbol, out string fileName) => _symbols.TryGetValue(symbol, out fileName!);

    public bool Contains(string fileName) => _files.ContainsKey(fileName);

    /// <summary>The serialized file followed by every file it depends on (transitively, each once) that the catalog holds.</summary>
    public IReadOnlyList<ByteString> WithDependencies(string fileName)
    {
        var result = new List<ByteString>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([fileName]);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name) || !_files.TryGetValue(name, out var file))
            {
                continue;
            }

            result.Add(file.Raw);
            foreach (var dependency in file.Proto.Dependency.Reverse())
            {
                pending.Push(dependency);
            }
        }

        return result;
    }

    public static string Qualify(string package, string name) => package.Length == 0 ? name : package + "." + name;

    private static IEnumerable<(string Name, DescriptorProto? Message)> Symbols(FileDescriptorProto file)
    {
        foreach (var service in file.Service)
        {
            var serviceName = Qualify(file.Package, service.Name);
            yield return (serviceName, null);
            foreach (var method in service.Method)
            {
                yield return (serviceName + "." + method.Name, null);
            }
        }

        foreach (var enumType in file.EnumType)
        {
            yield return (Qualify(file.Package, enumType.Name), null);
        }

        foreach (var symbol in file.MessageType.SelectMany(m => MessageSymbols(file.Package, m, 0)))
        {
            yield return symbol;
        }
    }

    private static IEnumerable<(string Name, DescriptorProto? Message)> MessageSymbols(string scope, DescriptorProto message, int depth)
    {
        var name = Qualify(scope, message.Name);
        yield return (name, message);
        if (depth >= 32)
        {
            yield break;
        }

        foreach (var enumType in message.EnumType)
        {
            yield return (Qualify(name, enumType.Name), null);
        }

        foreach (var nested in message.NestedType.SelectMany(n => MessageSymbols(name, n, depth + 1)))
        {
            yield return nested;
        }
    }

    private static IEnumerable<FileDescriptor> Closure(FileDescriptor file) =>
        file.Dependencies.SelectMany(Closure).Append(file);
}
