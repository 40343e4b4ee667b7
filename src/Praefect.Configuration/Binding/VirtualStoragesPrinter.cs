using System.Text;
using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Binding;

/// <summary>Prints nodes as <c>praefect['virtual_storages'] = {...}</c>, tokens redacted, for deprecation hints.</summary>
internal static class VirtualStoragesPrinter
{
    public static string Print(IReadOnlyList<VirtualStorageSettings> storages)
    {
        var text = new StringBuilder("praefect['virtual_storages'] = {\n");
        foreach (var storage in storages)
        {
            text.Append("  ").Append(Quote(storage.Name)).Append(" => {\n");
            foreach (var node in storage.Nodes)
            {
                text.Append("    ").Append(Quote(node.Storage)).Append(" => { 'address' => ").Append(Quote(node.Address));
                if (node.Token.Length > 0)
                {
                    text.Append(", 'token' => '[REDACTED]'");
                }

                if (node.Primary)
                {
                    text.Append(", 'primary' => true");
                }

                text.Append(" },\n");
            }

            text.Append("  },\n");
        }

        return text.Append('}').ToString();
    }

    public static string Quote(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
