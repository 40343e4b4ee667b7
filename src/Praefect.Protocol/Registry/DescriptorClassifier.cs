using Gitaly;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Praefect.Protocol.Gitaly13;
using Praefect.Protocol.Reflection;

namespace Praefect.Protocol.Registry;

/// <summary>
/// Classifies every method of a set of protocol files, as Praefect does with Gitaly's annotations:
/// <list type="number">
/// <item>MethodOptions <c>op_type</c> (82303): <c>op</c> MUTATOR or ACCESSOR; <c>scope_level</c> REPOSITORY (0), SERVER (1) or STORAGE (2).</item>
/// <item>The target Repository: <c>op_type.target_repository_field</c> (gitaly-proto 1.37, a dotted field path); else the field
/// marked <c>target_repository</c> (91235), which is a Repository or a message whose field marked <c>repository</c> (91234) is;
/// else, in files that mark no field at all, the first top-level Repository field (the 1.37 convention for accessors).</item>
/// <item>An additional Repository: the field marked <c>additional_repository</c> (91236), else another Repository beside the target.</item>
/// <item>The storage of a server- or storage-scoped method: the string field marked <c>storage</c> (91233), else a top-level <c>storage_name</c>.</item>
/// </list>
/// A method whose declaration is missing or contradictory is reported as a <see cref="MethodProblem"/>, never classified by a guess.
/// </summary>
public static class DescriptorClassifier
{
    private const string RepositoryType = ".gitaly.Repository";
    private const int MaxDepth = 8;

    public static Classification Classify(DescriptorCatalog catalog)
    {
        var operations = new Dictionary<string, OperationInfo>(StringComparer.Ordinal);
        var problems = new List<MethodProblem>();
        var declared = 0;
        foreach (var (file, service) in catalog.Services)
        {
            var serviceName = DescriptorCatalog.Qualify(file.Package, service.Name);
            foreach (var method in service.Method)
            {
                declared++;
                var fullMethod = $"/{serviceName}/{method.Name}";
                var info = Describe(catalog, serviceName, fullMethod, method, out var problem);
                if (info is not null)
                {
                    operations[fullMethod] = info;
                }
                else
                {
                    problems.Add(new MethodProblem(fullMethod, problem));
                }
            }
        }

        return new Classification(operations, problems, declared);
    }

    private static OperationInfo? Describe(DescriptorCatalog catalog, string serviceName, string fullMethod, MethodDescriptorProto method, out string problem)
    {
        var op = method.Options?.GetExtension(SharedExtensions.OpType);
        if (op is null || op.Op == OperationMsg.Types.Operation.Unknown)
        {
            problem = "has no op_type option (MUTATOR or ACCESSOR)";
            return null;
        }

        if (op.Op is not (OperationMsg.Types.Operation.Mutator or OperationMsg.Types.Operation.Accessor))
        {
            problem = $"op_type.op is {(int)op.Op}, neither MUTATOR (1) nor ACCESSOR (2)";
            return null;
        }

        var scopeLevel = (int)op.ScopeLevel;
        if (scopeLevel is < 0 or > 2)
        {
            problem = $"op_type.scope_level is {scopeLevel}, none of REPOSITORY (0), SERVER (1), STORAGE (2)";
            return null;
        }

        var request = catalog.FindMessage(method.InputType);
        if (request is null)
        {
            problem = $"its request type {method.InputType} is not in the descriptors";
            return null;
        }

        var marks = new FieldMarks(catalog);
        FieldPath? target;
        if (!string.IsNullOrEmpty(op.TargetRepositoryField))
        {
            if (!TryParsePath(catalog, request, op.TargetRepositoryField, out target, out problem))
            {
                return null;
            }
        }
        else if (!marks.TryFind(request, RoutingAnnotationsExtensions.TargetRepository, "target_repository", out target, out problem))
        {
            return null;
        }

        if (!marks.TryFind(request, RoutingAnnotationsExtensions.AdditionalRepository, "additional_repository", out var additional, out problem) ||
            !marks.TryFindStorage(request, out var storage, out problem))
        {
            return null;
        }

        if (target is null && storage is null && !marks.AnyMarked(request))
        {
            // 1.37 accessors carry no field path: the Repository is found from the request type.
            target = TopLevelRepositories(request).FirstOrDefault();
        }

        if (target is null && scopeLevel == 0 && TopLevelRepositories(request).Any())
        {
            problem = "is REPOSITORY scoped but marks no target_repository field";
            return null;
        }

        if (target is not null && additional is null)
        {
            additional = SiblingRepository(catalog, request, target);
        }

        // A declared REPOSITORY scope without any Repository (e.g. ServerInfo) can only be served per server;
        // a declared SERVER scope with a Repository (CreateBundle in 1.37) must still be routed by it.
        var scope = target is null ? OperationScope.Server : OperationScope.Repository;
        if (scope == OperationScope.Server && storage is null)
        {
            storage = request.Field.FirstOrDefault(f => f.Name == "storage_name" && f.Type == FieldDescriptorProto.Types.Type.String && !IsRepeated(f)) is { } named
                ? new FieldPath([named.Number])
                : null;
        }

        problem = "";
        return new OperationInfo(
            fullMethod,
            serviceName,
            method.Name,
            (method.ClientStreaming, method.ServerStreaming) switch
            {
                (false, false) => StreamingKind.Unary,
                (true, false) => StreamingKind.ClientStreaming,
                (false, true) => StreamingKind.ServerStreaming,
                _ => StreamingKind.DuplexStreaming,
            },
            op.Op == OperationMsg.Types.Operation.Mutator ? OperationKind.Mutator : OperationKind.Accessor,
            scope,
            target,
            scope == OperationScope.Repository ? additional : null,
            scope == OperationScope.Server ? storage : null);
    }

    private static bool TryParsePath(DescriptorCatalog catalog, DescriptorProto request, string text, out FieldPath? path, out string problem)
    {
        path = null;
        FieldPath parsed;
        try
        {
            parsed = FieldPath.Parse(text);
        }
        catch (FormatException e)
        {
            problem = "target_repository_field " + e.Message;
            return false;
        }

        var current = request;
        FieldDescriptorProto? field = null;
        foreach (var number in parsed.Numbers)
        {
            field = current?.Field.FirstOrDefault(f => f.Number == number);
            if (field is null)
            {
                break;
            }

            current = field.Type == FieldDescriptorProto.Types.Type.Message ? catalog.FindMessage(field.TypeName) : null;
        }

        if (field is null || !IsRepository(field))
        {
            problem = $"target_repository_field \"{text}\" does not name a gitaly.Repository in {request.Name}";
            return false;
        }

        path = parsed;
        problem = "";
        return true;
    }

    internal static bool IsRepository(FieldDescriptorProto field) =>
        field.Type == FieldDescriptorProto.Types.Type.Message && field.TypeName == RepositoryType && !IsRepeated(field);

    internal static bool IsRepeated(FieldDescriptorProto field) => field.Label == FieldDescriptorProto.Types.Label.Repeated;

    private static IEnumerable<FieldPath> TopLevelRepositories(DescriptorProto request) =>
        request.Field.Where(IsRepository).OrderBy(f => f.Number).Select(f => new FieldPath([f.Number]));

    private static FieldPath? SiblingRepository(DescriptorCatalog catalog, DescriptorProto request, FieldPath target)
    {
        var parent = request;
        foreach (var number in target.Numbers.Take(target.Numbers.Count - 1))
        {
            var field = parent.Field.FirstOrDefault(f => f.Number == number);
            parent = field is null ? null! : catalog.FindMessage(field.TypeName)!;
            if (parent is null)
            {
                return null;
            }
        }

        var sibling = parent.Field.Where(f => IsRepository(f) && f.Number != target.Numbers[^1]).OrderBy(f => f.Number).FirstOrDefault();
        return sibling is null ? null : new FieldPath([.. target.Numbers.Take(target.Numbers.Count - 1), sibling.Number]);
    }

    /// <summary>The search for fields marked with a FieldOptions annotation, through nested messages (depth and cycles bounded).</summary>
    private sealed class FieldMarks(DescriptorCatalog catalog)
    {
        public bool AnyMarked(DescriptorProto request) =>
            Walk(request).Any(f => Marked(f.Field, RoutingAnnotationsExtensions.TargetRepository) || Marked(f.Field, RoutingAnnotationsExtensions.AdditionalRepository) ||
                                   Marked(f.Field, RoutingAnnotationsExtensions.Storage) || Marked(f.Field, RoutingAnnotationsExtensions.Repository));

        /// <summary>The Repository marked (directly, or inside a marked message through <c>repository</c>); null when none is marked.</summary>
        public bool TryFind(DescriptorProto request, Extension<FieldOptions, bool> mark, string markName, out FieldPath? path, out string problem)
        {
            path = null;
            var found = Walk(request).Where(f => Marked(f.Field, mark)).ToList();
            if (found.Count == 0)
            {
                problem = "";
                return true;
            }

            if (found.Count > 1)
            {
                problem = $"marks {found.Count} fields as {markName} ({string.Join(", ", found.Select(f => f.Path))}); one is allowed";
                return false;
            }

            var (field, at) = found[0];
            if (IsRepeated(field))
            {
                problem = $"marks the repeated field {at} as {markName}";
                return false;
            }

            if (IsRepository(field))
            {
                path = at;
                problem = "";
                return true;
            }

            var holder = field.Type == FieldDescriptorProto.Types.Type.Message ? catalog.FindMessage(field.TypeName) : null;
            if (holder is null)
            {
                problem = $"marks field {at} ({field.Name}) as {markName}, but it is neither a gitaly.Repository nor a message holding one";
                return false;
            }

            var inner = Walk(holder).Where(f => Marked(f.Field, RoutingAnnotationsExtensions.Repository)).ToList();
            if (inner.Count != 1 || !IsRepository(inner[0].Field))
            {
                problem = $"marks field {at} ({field.Name}) as {markName}, but {field.TypeName} has {(inner.Count == 0 ? "no" : inner.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} gitaly.Repository field marked repository (one is needed)";
                return false;
            }

            path = new FieldPath([.. at.Numbers, .. inner[0].Path.Numbers]);
            problem = "";
            return true;
        }

        public bool TryFindStorage(DescriptorProto request, out FieldPath? path, out string problem)
        {
            path = null;
            var found = Walk(request).Where(f => Marked(f.Field, RoutingAnnotationsExtensions.Storage)).ToList();
            if (found.Count == 0)
            {
                problem = "";
                return true;
            }

            if (found.Count > 1 || found[0].Field.Type != FieldDescriptorProto.Types.Type.String || IsRepeated(found[0].Field))
            {
                problem = found.Count > 1
                    ? $"marks {found.Count} fields as storage ({string.Join(", ", found.Select(f => f.Path))}); one is allowed"
                    : $"marks field {found[0].Path} ({found[0].Field.Name}) as storage, but it is not a single string";
                return false;
            }

            path = found[0].Path;
            problem = "";
            return true;
        }

        private static bool Marked(FieldDescriptorProto field, Extension<FieldOptions, bool> mark) =>
            field.Options is { } options && options.HasExtension(mark) && options.GetExtension(mark);

        /// <summary>Every field of the message and of the (non-repeated) messages inside it, with its path; a Repository is not entered.</summary>
        private IEnumerable<(FieldDescriptorProto Field, FieldPath Path)> Walk(DescriptorProto message)
        {
            var pending = new Stack<(DescriptorProto Message, int[] Prefix, HashSet<DescriptorProto> Seen)>();
            pending.Push((message, [], [message]));
            while (pending.TryPop(out var entry))
            {
                foreach (var field in entry.Message.Field.OrderBy(f => f.Number))
                {
                    var path = new FieldPath([.. entry.Prefix, field.Number]);
                    yield return (field, path);
                    if (field.Type != FieldDescriptorProto.Types.Type.Message || IsRepeated(field) || field.TypeName == RepositoryType || entry.Prefix.Length + 1 >= MaxDepth)
                    {
                        continue;
                    }

                    if (catalog.FindMessage(field.TypeName) is { } nested && !entry.Seen.Contains(nested))
                    {
                        pending.Push((nested, [.. path.Numbers], [.. entry.Seen, nested]));
                    }
                }
            }
        }
    }
}
