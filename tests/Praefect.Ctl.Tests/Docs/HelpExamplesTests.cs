using System.CommandLine;

namespace Praefect.Ctl.Tests.Docs;

/// <summary>Every command of praefect-ctl and praefect answers --help with examples that run that command.</summary>
public class HelpExamplesTests
{
    private static IEnumerable<(string Path, Command Command)> Walk(Command command, string path)
    {
        yield return (path, command);
        foreach (var child in command.Subcommands)
        {
            foreach (var descendant in Walk(child, path + " " + child.Name))
            {
                yield return descendant;
            }
        }
    }

    private static IEnumerable<string> WithoutExamples(RootCommand root, string program) =>
        Walk(root, program).Skip(1)
            .Where(c => c.Command.Description is not { } text
                || !text.Contains("\nExamples:\n", StringComparison.Ordinal)
                || !text.Split('\n').Any(line => line.TrimStart().StartsWith(c.Path, StringComparison.Ordinal)))
            .Select(c => c.Path);

    [Test]
    public void PraefectCtl_EveryCommand_HasExamplesOfItself()
    {
        var root = CtlApp.Create(new CtlOutput(TextWriter.Null, TextWriter.Null));

        Assert.That(WithoutExamples(root, "praefect-ctl"), Is.Empty, "commands whose --help has no 'Examples:' running them");
    }

    [Test]
    public void Praefect_EverySubcommand_HasExamplesOfItself()
    {
        var root = GoSubcommands.ForPraefect(new CommandOutput(TextWriter.Null, TextWriter.Null, "praefect"), TextReader.Null, _ => []);

        Assert.That(WithoutExamples(root, "praefect"), Is.Empty, "praefect subcommands whose --help has no 'Examples:' running them");
    }
}
