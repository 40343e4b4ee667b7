using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

/// <summary>Samples allocations by type (the runtime's GCAllocationTick, one event per ~100 KB allocated) and dumps the histogram to a file every second.</summary>
internal sealed class AllocationTypeListener : EventListener
{
    private readonly ConcurrentDictionary<string, long> bytes = new();
    private readonly string path;

    public AllocationTypeListener(string path)
    {
        this.path = path;
        new Thread(() => { while (true) { Thread.Sleep(1000); Dump(); } }) { IsBackground = true }.Start();
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], CultureInfo.InvariantCulture) : 0;
        bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    private void Dump()
    {
        var text = new StringBuilder();
        foreach (var (type, amount) in bytes.OrderByDescending(p => p.Value))
        {
            text.Append(amount).Append('\t').Append(type).Append('\n');
        }

        File.WriteAllText(path + ".tmp", text.ToString());
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
