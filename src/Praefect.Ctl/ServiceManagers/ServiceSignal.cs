namespace Praefect.Ctl.ServiceManagers;

/// <summary>The signals gitlab-ctl sends by name: <c>hup</c>, <c>term</c>, <c>int</c>, <c>kill</c>.</summary>
internal enum ServiceSignal
{
    Hup,
    Term,
    Int,
    Kill,
}
