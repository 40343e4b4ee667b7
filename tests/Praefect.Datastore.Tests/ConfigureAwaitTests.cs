using System.Text.RegularExpressions;

namespace Praefect.Datastore.Tests;

/// <summary>
/// The datastore is a library the server hosts: every await in it says ConfigureAwait(false).
/// CA2007 cannot hold it to that here (it also flags each `await using`, see .editorconfig), so
/// this test reads the sources: in every statement, each await other than an `await using` or
/// `await foreach` disposal must be configured.
/// </summary>
public partial class ConfigureAwaitTests
{
    [Test]
    public void EveryAwaitInTheDatastore_IsConfigured()
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "Praefect.Datastore"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.That(sources, Has.Count.GreaterThan(10), "the datastore's sources were not found");

        var unconfigured = sources.SelectMany(path => UnconfiguredAwaits(File.ReadAllText(path)).Select(statement => $"{Path.GetFileName(path)}: {statement}")).ToList();

        Assert.That(unconfigured, Is.Empty, "add .ConfigureAwait(false) to these awaits");
    }

    [TestCase("await Foo(ct);", 1)]
    [TestCase("await Foo(ct).ConfigureAwait(false);", 0)]
    [TestCase("await using var c = await Open(ct).ConfigureAwait(false);", 0)]
    [TestCase("await using var c = await Open(ct);", 1)]
    [TestCase("while (await r.ReadAsync(ct)) { }", 1)]
    [TestCase("var x = \"\"\"\n await not code;\n \"\"\"; // await neither", 0)]
    [TestCase("return await Run(c,\n \"SQL\",\n ct);", 1)]
    public void TheScanner_FindsExactlyTheUnconfiguredAwaits(string code, int expected) =>
        Assert.That(UnconfiguredAwaits(code), Has.Count.EqualTo(expected));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Praefect.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("no Praefect.sln above the test output: run the tests from the repository's build output");
    }

    private static List<string> UnconfiguredAwaits(string source)
    {
        var code = Comment().Replace(StringLiteral().Replace(source, "\"\""), "");
        var found = new List<string>();
        foreach (var statement in code.Split([';', '{', '}']))
        {
            var awaits = Await().Count(statement);
            var disposals = Disposal().Count(statement);
            var configured = Regex.Count(statement, @"\.ConfigureAwait\(false\)");
            if (awaits - disposals > configured)
            {
                found.Add(Regex.Replace(statement.Trim(), @"\s+", " "));
            }
        }

        return found;
    }

    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|@\"(?:\"\"|[^\"])*\"|\"(?:\\\\.|[^\"\\\\\\n])*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("//[^\\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\bawait\s")]
    private static partial Regex Await();

    [GeneratedRegex(@"\bawait\s+(using|foreach)\b")]
    private static partial Regex Disposal();
}
