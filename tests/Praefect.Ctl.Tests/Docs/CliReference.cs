using System.CommandLine;
using System.Text;

namespace Praefect.Ctl.Tests.Docs;

/// <summary>Renders the praefect-ctl command tree as the Markdown reference kept in docs/cli.md.</summary>
internal static class CliReference
{
    public static string Render(RootCommand root)
    {
        var text = new StringBuilder();
        foreach (var command in Walk(root, "praefect-ctl").Skip(1))
        {
            text.Append("### `").Append(command.Path).Append("`\n\n");
            text.Append(command.Command.Description?.Trim()).Append("\n\n");
            var arguments = command.Command.Arguments.Where(a => !a.Hidden).ToList();
            var options = command.Command.Options.Where(o => !o.Hidden && o.Name is not "--help" and not "-h").ToList();
            if (arguments.Count + options.Count == 0)
            {
                continue;
            }

            text.Append("| argument or option | description |\n|---|---|\n");
            foreach (var argument in arguments)
            {
                text.Append("| `<").Append(argument.Name).Append(">` | ").Append(Cell(argument.Description)).Append(" |\n");
            }

            foreach (var option in options)
            {
                var names = string.Join(", ", new[] { option.Name }.Concat(option.Aliases.Order(StringComparer.Ordinal)).Select(n => "`" + n + "`"));
                text.Append("| ").Append(names).Append(" | ").Append(Cell(option.Description)).Append(" |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(string? description) => (description ?? "").Replace("|", "\\|").Replace("\n", " ").Trim();

    private static IEnumerable<(string Path, Command Command)> Walk(Command command, string path)
    {
        yield return (path, command);
        foreach (var child in command.Subcommands.Where(c => !c.Hidden).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            foreach (var nested in Walk(child, path + " " + child.Name))
            {
                yield return nested;
            }
        }
    }
}
