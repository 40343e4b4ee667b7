namespace Praefect.Server.Failover;

/// <summary>Holds mutators while a failover switches their virtual storage, and rejects writes to repositories that lost writes.</summary>
internal sealed class MutatorAdmission(MutatorGates gates, LostWritesGuard guard) : IMutatorAdmission
{
    public async ValueTask<MutatorTicket> AdmitAsync(string virtualStorage, string? relativePath, CancellationToken cancellationToken)
    {
        var gate = gates.For(virtualStorage);
        var waited = gate.IsClosed;
        var pass = await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        // Checked after the gate: a forced failover that held this call may just have marked the repository.
        var rejection = relativePath is null ? null : guard.RejectionFor(virtualStorage, relativePath);
        if (rejection is not null)
        {
            pass.Dispose();
            return new MutatorTicket(null, waited, rejection);
        }

        return new MutatorTicket(pass, waited, null);
    }
}
