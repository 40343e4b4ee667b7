namespace Praefect.Datastore;

/// <summary>A datastore failure with a message fit for an operator (what failed, where).</summary>
public sealed class DatastoreException(string message, Exception? inner = null) : Exception(message, inner);
