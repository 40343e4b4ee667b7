namespace Praefect.Datastore.Tests;

public class RepositoryAssignmentsTests
{
    private static readonly string[] Three = ["gitaly-1", "gitaly-2", "gitaly-3"];

    [Test]
    public void Of_NoRows_EveryConfiguredStorage() =>
        Assert.That(RepositoryAssignments.Of([], Three, "gitaly-1"), Is.EqualTo(Three));

    [Test]
    public void Of_RowsWithoutThePrimary_TheRowsAndThePrimaryInConfigOrder() =>
        Assert.That(RepositoryAssignments.Of(["gitaly-3"], Three, "gitaly-2"), Is.EqualTo(new[] { "gitaly-2", "gitaly-3" }));

    [Test]
    public void Of_RowsOnlyOfStoragesNoLongerConfigured_EveryConfiguredStorage() =>
        Assert.That(RepositoryAssignments.Of(["gitaly-9"], Three, "gitaly-1"), Is.EqualTo(Three));

    [Test]
    public void Plan_FromNoRows_ThePrimaryFirst()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            Assert.That(RepositoryAssignments.Plan([], Three, "gitaly-3", 1, new Random(seed)), Is.EqualTo(new[] { "gitaly-3" }));
        }
    }

    [Test]
    public void Plan_Lower_NeverDropsThePrimary()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            Assert.That(RepositoryAssignments.Plan(Three, Three, "gitaly-2", 1, new Random(seed)), Is.EqualTo(new[] { "gitaly-2" }));
        }
    }

    [Test]
    public void Plan_Raise_KeepsExistingAndAddsToTheFactorSorted()
    {
        var planned = RepositoryAssignments.Plan(["gitaly-3"], Three, "gitaly-3", 2, new Random(1));
        Assert.That(planned, Has.Count.EqualTo(2).And.Contains("gitaly-3").And.Ordered);
    }

    [Test]
    public void Plan_FactorOutOfRange_Throws()
    {
        Assert.That(() => RepositoryAssignments.Plan([], Three, "gitaly-1", 0, new Random(1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => RepositoryAssignments.Plan([], Three, "gitaly-1", 4, new Random(1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
