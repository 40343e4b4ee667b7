using System.Diagnostics;
using System.Globalization;
using Praefect.Configuration.GitlabRb;

// Parses (and binds and validates) a 5,000-line realistic gitlab.rb many times and prints the median,
// next to a baseline measured in the same run: splitting the same text into trimmed lines.
const int TargetLines = 5_000;
const int Iterations = 200;

var root = FindRoot();
var sample = File.ReadAllText(Path.Combine(root, "tests", "Praefect.Configuration.Tests", "GitlabRb", "Golden", "valid", "large-realistic.rb"));
var text = BuildFile(sample, TargetLines);
var env = new Dictionary<string, string>();

var check = GitlabRbReader.ReadText(text, "bench.rb", env);
if (check.HasErrors)
{
    Console.Error.WriteLine("the benchmark file does not parse: " + check.Diagnostics[0]);
    return 1;
}

var active = Uncomment(text);
if (GitlabRbReader.ReadText(active, "bench.rb", env).HasErrors)
{
    Console.Error.WriteLine("the uncommented benchmark file does not parse");
    return 1;
}

var parse = Measure(() => GitlabRbReader.ReadText(text, "bench.rb", env).Diagnostics.Count);
var parseActive = Measure(() => GitlabRbReader.ReadText(active, "bench.rb", env).Diagnostics.Count);
var baseline = Measure(() => text.Split('\n').Sum(line => line.Trim().Length));

var lines = text.Count(c => c == '\n');
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gitlab.rb: {lines} lines, {text.Length / 1024.0:F0} KiB, {Iterations} runs after warm-up"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read (parse + bind + validate): median {parse.Median:F2} ms, p95 {parse.P95:F2} ms, {lines / parse.Median * 1000:F0} lines/s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"same file, {ActiveLines(active)} settings uncommented: median {parseActive.Median:F2} ms, p95 {parseActive.P95:F2} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline (split + trim lines):  median {baseline.Median:F3} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio to baseline: {parse.Median / baseline.Median:F1}x (as shipped), {parseActive.Median / baseline.Median:F1}x (uncommented)"));
return 0;

static (double Median, double P95) Measure(Func<int> action)
{
    var sink = 0;
    for (var i = 0; i < 20; i++)
    {
        sink += action();
    }

    var times = new double[Iterations];
    for (var i = 0; i < Iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        sink += action();
        times[i] = watch.Elapsed.TotalMilliseconds;
    }

    Array.Sort(times);
    GC.KeepAlive(sink);
    return (times[Iterations / 2], times[(int)(Iterations * 0.95)]);
}

// The sample's service sections repeated (its Praefect block once, at the end), padded with comments to exactly targetLines.
static string BuildFile(string sample, int targetLines)
{
    var all = sample.Split('\n');
    var praefectStart = Array.FindIndex(all, l => l.StartsWith("## Praefect", StringComparison.Ordinal)) - 1;
    var body = all[..praefectStart];
    var tail = all[praefectStart..];
    var lines = new List<string>();
    while (lines.Count + body.Length + tail.Length <= targetLines)
    {
        lines.AddRange(body);
    }

    while (lines.Count + tail.Length < targetLines)
    {
        lines.Add("# padding");
    }

    lines.AddRange(tail);
    return string.Join('\n', lines.Take(targetLines)) + "\n";
}

// Uncomments every one-line setting ("# gitlab_rails['x'] = 1"), so most lines are parsed, not skipped.
static string Uncomment(string text) => string.Join('\n', text.Split('\n').Select(line =>
    line.StartsWith("# ", StringComparison.Ordinal) && line.Contains("['", StringComparison.Ordinal) && line.Contains(" = ", StringComparison.Ordinal)
    && !line.TrimEnd().EndsWith('{') && !line.TrimEnd().EndsWith('[') && char.IsAsciiLetterLower(line[2]) ? line[2..] : line));

static int ActiveLines(string text) => text.Split('\n').Count(line => line.Length > 0 && char.IsAsciiLetterLower(line[0]));

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Praefect.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Praefect.sln not found above " + AppContext.BaseDirectory);
}
