using Praefect.Server.Failover;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Failover;

public sealed class MutatorGateTests
{
    private static readonly TimeSpan Bound = Wait.Patient;

    [Test]
    public async Task EnterAsync_Open_PassesAtOnce()
    {
        var gate = new MutatorGate();

        using (await gate.EnterAsync(CancellationToken.None))
        {
            Assert.That(gate.InFlight, Is.EqualTo(1));
        }

        Assert.That(gate.InFlight, Is.EqualTo(0));
    }

    [Test]
    public async Task CloseAsync_MutatorInFlight_CompletesWhenItEnds()
    {
        var gate = new MutatorGate();
        var pass = await gate.EnterAsync(CancellationToken.None);

        var drained = gate.CloseAsync();
        Assert.That(drained.IsCompleted, Is.False);

        pass.Dispose();
        await drained.WaitAsync(Bound);
        Assert.That(gate.IsClosed, Is.True);
    }

    [Test]
    public async Task EnterAsync_Closed_WaitsUntilOpen()
    {
        var gate = new MutatorGate();
        await gate.CloseAsync().WaitAsync(Bound);

        var entering = gate.EnterAsync(CancellationToken.None).AsTask();
        Assert.That(entering.IsCompleted, Is.False);
        Assert.That(gate.InFlight, Is.EqualTo(0));

        gate.Open();
        using var pass = await entering.WaitAsync(Bound);
        Assert.That(gate.InFlight, Is.EqualTo(1));
    }

    [Test]
    public async Task EnterAsync_ClosedAndCancelled_ThrowsWithoutCounting()
    {
        var gate = new MutatorGate();
        await gate.CloseAsync().WaitAsync(Bound);
        using var cancel = new CancellationTokenSource();

        var entering = gate.EnterAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        Assert.That(async () => await entering.WaitAsync(Bound), Throws.InstanceOf<OperationCanceledException>());
        gate.Open();
        Assert.That(gate.InFlight, Is.EqualTo(0));
    }

    [Test]
    public async Task CloseAsync_AlreadyClosed_Throws()
    {
        var gate = new MutatorGate();
        await gate.CloseAsync().WaitAsync(Bound);

        Assert.That(() => gate.CloseAsync(), Throws.InvalidOperationException.With.Message.EqualTo("the mutator gate is already closed by another failover"));
    }

    [Test]
    public async Task Dispose_Twice_CountsOnce()
    {
        var gate = new MutatorGate();
        var first = await gate.EnterAsync(CancellationToken.None);
        using var second = await gate.EnterAsync(CancellationToken.None);

        first.Dispose();
        first.Dispose();

        Assert.That(gate.InFlight, Is.EqualTo(1));
    }
}
