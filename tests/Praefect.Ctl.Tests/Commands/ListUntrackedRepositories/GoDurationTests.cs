using Praefect.Subcommands.Common;

namespace Praefect.Ctl.Tests.Commands.ListUntrackedRepositories;

/// <summary>Go's duration syntax for the Go Praefect's duration flags.</summary>
[TestFixture]
public sealed class GoDurationTests
{
    [TestCase("6h", 6 * 3600.0)]
    [TestCase("1h30m", 5400.0)]
    [TestCase("1.5s", 1.5)]
    [TestCase("300ms", 0.3)]
    [TestCase("2m5s", 125.0)]
    [TestCase("0", 0.0)]
    [TestCase("0s", 0.0)]
    public void TryParse_GoDuration_Seconds(string text, double seconds)
    {
        Assert.That(GoDuration.TryParse(text, out var value), Is.True);
        Assert.That(value, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [TestCase("")]
    [TestCase("6")]
    [TestCase("-1h")]
    [TestCase("6 hours")]
    [TestCase("h")]
    [TestCase("1d")]
    public void TryParse_NotAGoDuration_False(string text) => Assert.That(GoDuration.TryParse(text, out _), Is.False);
}
