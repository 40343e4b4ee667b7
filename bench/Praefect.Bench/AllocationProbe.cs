using System.Globalization;

/// <summary>
/// A .NET startup hook (<c>DOTNET_STARTUP_HOOKS</c> naming this assembly) that the benchmark loads into
/// praefect: every 20 ms it writes the process's total allocated bytes to the file named by
/// <c>BENCH_ALLOC_FILE</c>, so the benchmark can report bytes allocated per proxied call of any praefect
/// build, old ones included, without praefect exporting anything. Only BCL types are used here.
/// </summary>
internal static class StartupHook
{
    public const string FileVariable = "BENCH_ALLOC_FILE";

    /// <summary>Set (to a file path) to also sample allocations by type (<see cref="AllocationTypeListener"/>).</summary>
    public const string TypesFileVariable = "BENCH_ALLOC_TYPES_FILE";

    public static void Initialize()
    {
        var path = Environment.GetEnvironmentVariable(FileVariable);
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(TypesFileVariable) is { Length: > 0 } typesPath)
        {
            _ = new AllocationTypeListener(typesPath);
        }

        var thread = new Thread(() =>
        {
            var temp = path + ".tmp";
            while (true)
            {
                File.WriteAllText(temp, GC.GetTotalAllocatedBytes(precise: false).ToString(CultureInfo.InvariantCulture));
                File.Move(temp, path, overwrite: true);
                Thread.Sleep(20);
            }
        })
        {
            IsBackground = true,
            Name = "bench allocation probe",
        };
        thread.Start();
    }

    /// <summary>The last total the probe wrote (read by the benchmark).</summary>
    public static long Read(string path) => long.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture);

    /// <summary>The sampled bytes by type that <see cref="AllocationTypeListener"/> wrote last (empty without it).</summary>
    public static Dictionary<string, long> ReadTypes(string path) => File.Exists(path)
        ? File.ReadAllLines(path).Select(l => l.Split('\t', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[1], p => long.Parse(p[0], CultureInfo.InvariantCulture))
        : [];
}
