using Praefect.Server.Transactions;

namespace Praefect.Server.Tests.Transactions;

[TestFixture]
public sealed class QuorumPolicyTests
{
    [TestCase(0, 1, 1)]
    [TestCase(1, 2, 2)]
    [TestCase(2, 3, 4)]
    [TestCase(3, 4, 6)]
    [TestCase(4, 5, 7)]
    public void Majority_PrimaryOutweighsSecondariesAndNeedsHalfOfThem(int secondaries, int primaryVotes, int threshold)
    {
        var (voters, actual) = QuorumPolicy.Build("majority", "p", Enumerable.Range(1, secondaries).Select(i => $"s{i}").ToList());

        Assert.That(voters[0], Is.EqualTo(new Voter("p", primaryVotes, Primary: true)));
        Assert.That(voters.Skip(1).Select(v => v.Votes), Is.All.EqualTo(1));
        Assert.That(actual, Is.EqualTo(threshold));
        Assert.That(actual, Is.GreaterThan(secondaries), "no quorum without the primary");
        Assert.That(primaryVotes + (secondaries + 1) / 2, Is.GreaterThanOrEqualTo(actual), "the primary and half of the secondaries (rounded up) reach it");
    }

    [Test]
    public void All_EveryVoterOneVote_ThresholdIsEveryone()
    {
        var (voters, threshold) = QuorumPolicy.Build("all", "p", ["s1", "s2"]);

        Assert.That(voters.Select(v => v.Votes), Is.EqualTo(new[] { 1, 1, 1 }));
        Assert.That(threshold, Is.EqualTo(3));
    }

    [Test]
    public void Primary_SecondariesCarryNoWeight()
    {
        var (voters, threshold) = QuorumPolicy.Build("primary", "p", ["s1", "s2"]);

        Assert.That(voters.Select(v => v.Votes), Is.EqualTo(new[] { 1, 0, 0 }));
        Assert.That(threshold, Is.EqualTo(1));
    }
}
