namespace Praefect.Configuration.Binding;

/// <summary>The historical shapes of the node list in gitlab.rb.</summary>
internal enum NodeListForm
{
    /// <summary>2019: <c>virtual_storage_name</c> + <c>storage_nodes</c> as an array of hashes with <c>storage</c>.</summary>
    StorageNodesArray,

    /// <summary><c>storage_nodes</c> as a hash keyed by storage name.</summary>
    StorageNodesHash,

    /// <summary><c>virtual_storages = { 'vs' =&gt; { 'node' =&gt; {...} } }</c>; the current form.</summary>
    VirtualStorages,
}
