using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Praefect.TestSupport;

/// <summary>Whether the running test has failed so far (for printing captured logs only when useful).</summary>
public static class TestFailure
{
    /// <summary>Set PRAEFECT_TEST_LOGS=always to print captured process logs for passing tests too.</summary>
    public static bool AlwaysPrintLogs => Environment.GetEnvironmentVariable("PRAEFECT_TEST_LOGS") == "always";

    public static bool IsCurrentTestFailing()
    {
        var result = TestContext.CurrentContext.Result;
        return result.Outcome.Status == TestStatus.Failed ||
               result.Assertions.Any(a => a.Status is AssertionStatus.Failed or AssertionStatus.Error);
    }
}
