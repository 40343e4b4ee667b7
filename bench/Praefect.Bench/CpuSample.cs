namespace Praefect.Bench;

/// <summary>
/// User+sys CPU time (/proc/&lt;pid&gt;/stat, through <see cref="System.Diagnostics.Process.TotalProcessorTime"/>) of the
/// three processes of a unary window: the load generator (this process), the node and praefect (absent when the
/// window goes straight to the node). Divided by the window's calls, it is a figure the machine's load barely moves.
/// </summary>
internal readonly record struct CpuSample(TimeSpan Client, TimeSpan Node, TimeSpan Praefect)
{
    public static CpuSample Take(int nodeProcessId, int? praefectProcessId) => new(
        System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime,
        ProcessorTime(nodeProcessId),
        praefectProcessId is { } praefect ? ProcessorTime(praefect) : TimeSpan.Zero);

    /// <summary>Microseconds of CPU per call of <paramref name="window"/> for each process since <paramref name="start"/>.</summary>
    public (double Client, double Node, double Praefect) PerCallSince(CpuSample start, LoadResult window)
    {
        var calls = window.Attempts;
        return ((Client - start.Client).TotalMicroseconds / calls,
                (Node - start.Node).TotalMicroseconds / calls,
                (Praefect - start.Praefect).TotalMicroseconds / calls);
    }

    private static TimeSpan ProcessorTime(int processId) => System.Diagnostics.Process.GetProcessById(processId).TotalProcessorTime;
}

/// <summary>CPU per call (us) of the load generator and the node, straight to the node and through praefect.</summary>
internal readonly record struct CpuPerCall(double DirectClient, double DirectNode, double ProxiedClient, double ProxiedNode);
