using System.Collections.Concurrent;

namespace Praefect.Server.Metrics;

/// <summary>
/// The children of one labelled metric on the call path, by their label values: each child is made once
/// (prometheus-net's <c>WithLabels</c>), later calls find it without allocating. Only for label values
/// from a bounded set (method names of the registry, node names, status codes).
/// </summary>
internal sealed class LabelledChildren<TLabels, TChild>(Func<TLabels, TChild> create) where TLabels : notnull
{
    private readonly ConcurrentDictionary<TLabels, TChild> _children = new();

    public TChild this[TLabels labels] => _children.GetOrAdd(labels, create);
}
