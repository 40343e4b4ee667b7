using System.Xml.Linq;

// The package checks' results: printed, and written as a TRX file next to the unit tests' so that
// .ci/run's summary counts them like any test.
sealed class PackageCheckFailed : Exception { public PackageCheckFailed(string message) : base(message) { } }
sealed class PackageCheckSkipped : Exception { public PackageCheckSkipped(string message) : base(message) { } }

sealed record PackageCheckResult(string Name, string Outcome, string Message, DateTime Start, DateTime End);

sealed class PackageCheckResults
{
    public List<PackageCheckResult> All { get; } = new();
    public int Failed => All.Count(r => r.Outcome == "Failed");

    // Runs one check: it returns what it found (Passed), or throws PackageCheckFailed/Skipped.
    public void Run(string name, Func<string> check)
    {
        var start = DateTime.UtcNow;
        string outcome, message;
        try { message = check(); outcome = "Passed"; }
        catch (PackageCheckSkipped e) { message = e.Message; outcome = "NotExecuted"; }
        catch (Exception e) { message = e is PackageCheckFailed ? e.Message : e.ToString(); outcome = "Failed"; }
        Add(new PackageCheckResult(name, outcome, message, start, DateTime.UtcNow));
    }

    public void Add(PackageCheckResult result)
    {
        All.Add(result);
        var label = result.Outcome == "NotExecuted" ? "SKIPPED" : result.Outcome.ToUpperInvariant();
        Console.WriteLine($"[{label}] {result.Name}: {result.Message}");
    }

    public void WriteTrx(string path)
    {
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        const string testType = "13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b";
        const string listId = "8c84fa94-04c1-424b-9868-57a2d4851a1d";
        string Time(DateTime t) => t.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        var results = new XElement(ns + "Results");
        var definitions = new XElement(ns + "TestDefinitions");
        var entries = new XElement(ns + "TestEntries");
        foreach (var r in All)
        {
            var testId = Guid.NewGuid().ToString();
            var executionId = Guid.NewGuid().ToString();
            var output = new XElement(ns + "Output", new XElement(ns + "StdOut", r.Message));
            if (r.Outcome == "Failed")
            {
                output.Add(new XElement(ns + "ErrorInfo", new XElement(ns + "Message", r.Message)));
            }
            results.Add(new XElement(ns + "UnitTestResult",
                new XAttribute("executionId", executionId), new XAttribute("testId", testId),
                new XAttribute("testName", r.Name), new XAttribute("computerName", Environment.MachineName),
                new XAttribute("duration", (r.End - r.Start).ToString("c")),
                new XAttribute("startTime", Time(r.Start)), new XAttribute("endTime", Time(r.End)),
                new XAttribute("testType", testType), new XAttribute("outcome", r.Outcome),
                new XAttribute("testListId", listId), output));
            definitions.Add(new XElement(ns + "UnitTest",
                new XAttribute("name", r.Name), new XAttribute("storage", "packaging"), new XAttribute("id", testId),
                new XElement(ns + "Execution", new XAttribute("id", executionId)),
                new XElement(ns + "TestMethod", new XAttribute("codeBase", "packaging"),
                    new XAttribute("adapterTypeName", "cake://PackageCheck"),
                    new XAttribute("className", "PackageCheck"), new XAttribute("name", r.Name))));
            entries.Add(new XElement(ns + "TestEntry", new XAttribute("testId", testId),
                new XAttribute("executionId", executionId), new XAttribute("testListId", listId)));
        }
        var executed = All.Count(r => r.Outcome != "NotExecuted");
        var passed = All.Count(r => r.Outcome == "Passed");
        var first = All.Count > 0 ? All.Min(r => r.Start) : DateTime.UtcNow;
        var last = All.Count > 0 ? All.Max(r => r.End) : DateTime.UtcNow;
        var document = new XDocument(new XElement(ns + "TestRun",
            new XAttribute("id", Guid.NewGuid().ToString()), new XAttribute("name", "PackageCheck"),
            new XElement(ns + "Times", new XAttribute("creation", Time(first)),
                new XAttribute("start", Time(first)), new XAttribute("finish", Time(last))),
            results, definitions, entries,
            new XElement(ns + "TestLists", new XElement(ns + "TestList",
                new XAttribute("name", "PackageCheck"), new XAttribute("id", listId))),
            new XElement(ns + "ResultSummary", new XAttribute("outcome", Failed > 0 ? "Failed" : "Completed"),
                new XElement(ns + "Counters",
                    new XAttribute("total", All.Count), new XAttribute("executed", executed),
                    new XAttribute("passed", passed), new XAttribute("failed", Failed),
                    new XAttribute("error", 0), new XAttribute("timeout", 0),
                    new XAttribute("aborted", 0), new XAttribute("inconclusive", 0),
                    new XAttribute("notExecuted", All.Count - executed)))));
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path));
        document.Save(path);
    }
}
