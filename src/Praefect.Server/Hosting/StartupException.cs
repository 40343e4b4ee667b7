namespace Praefect.Server.Hosting;

/// <summary>A problem that stops praefect from starting; its message is printed as is and praefect exits 1.</summary>
internal sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
