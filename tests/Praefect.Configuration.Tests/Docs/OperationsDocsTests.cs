using Praefect.TestSupport;
using System.Reflection;
using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.Validation;

namespace Praefect.Configuration.Tests.Docs;

/// <summary>docs/operations.md explains every diagnostic code the configuration code can emit.</summary>
public class OperationsDocsTests
{
    [Test]
    public void DiagnosticCodesTable_ExplainsEveryCode()
    {
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Append(RenderSafetyValidator.Code);
        var document = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "operations.md"));

        Assert.That(codes.Where(code => !document.Contains($"| `{code}` |", StringComparison.Ordinal)), Is.Empty,
            "diagnostic codes without a row in the 'Diagnostic codes' table of docs/operations.md");
    }
}
