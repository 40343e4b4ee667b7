using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>Warns about nodes dialled without a token (fine only if that Gitaly has auth off).</summary>
internal sealed class NodeTokenValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var (storage, s, node, n) in Subjects.Nodes(context.Settings))
        {
            if (node.Token.Length == 0)
            {
                context.Warning(
                    SettingsSourceMap.Node(s, n),
                    DiagnosticCodes.MissingToken,
                    $"{Subjects.Node(storage, node, n)} has no token; set 'token' to that Gitaly's auth token",
                    "without a token praefect can talk only to a Gitaly whose authentication is off");
            }
        }
    }
}
