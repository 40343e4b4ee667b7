namespace Praefect.Protocol.Registry;

/// <summary>The protocol definitions cannot be routed (a method without op_type, a bad field path). A startup error.</summary>
public sealed class OperationRegistryException(string message) : Exception(message);
