using CsCheck;

namespace Praefect.Datastore.Tests;

public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    [TestCase(1, 1)]
    [TestCase(2, 2)]
    [TestCase(3, 4)]
    [TestCase(6, 32)]
    [TestCase(7, 60)]
    [TestCase(1000, 60)]
    public void DelayAfter_Attempts_DoublesUpToTheCap(int attempts, int seconds)
    {
        Assert.That(Policy.DelayAfter(attempts), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [Test]
    public void DelayAfter_AnyAttempts_MonotonicAndCapped()
    {
        Gen.Select(Gen.Int[1, 10_000], Gen.Int[1, 10_000_000], Gen.Int[1, 100_000_000])
            .Sample((attempts, baseMs, capMs) =>
            {
                var policy = new RetryPolicy(3, TimeSpan.FromMilliseconds(baseMs), TimeSpan.FromMilliseconds(capMs));
                var delay = policy.DelayAfter(attempts);
                return delay > TimeSpan.Zero && delay <= policy.MaxDelay && delay >= policy.DelayAfter(Math.Max(1, attempts - 1));
            });
    }
}
