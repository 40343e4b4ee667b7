namespace Praefect.Ctl.ServiceManagers;

/// <summary>
/// Controls the praefect service through runit (<c>sv</c>) or systemd (<c>systemctl</c>).
/// Every method returns the lines to print, already in praefect-ctl's wording
/// (<c>run: praefect: (pid 4242) 180s; run: log: (pid 4241) 181s</c>).
/// </summary>
internal interface IServiceManager
{
    string Name { get; }

    /// <summary>True when the service was set up (unit installed, or runit service dir present).</summary>
    bool IsSetUp { get; }

    CommandResult Status();

    CommandResult Start();

    CommandResult Stop();

    CommandResult Restart();

    CommandResult Reload();

    /// <summary>gitlab-ctl's <c>hup</c>, <c>term</c>, <c>int</c>, <c>kill</c>: sends that signal to praefect.</summary>
    CommandResult Signal(ServiceSignal signal);

    /// <summary>gitlab-ctl's <c>once</c>: start praefect, and do not restart it when it stops.</summary>
    CommandResult Once();

    /// <summary>gitlab-ctl's <c>graceful-kill</c>: stop gracefully, then SIGKILL what is left.</summary>
    CommandResult GracefulKill();

    /// <summary>Makes the supervisor pick up a new or changed service definition (systemd daemon-reload, runit: wait for runsv).</summary>
    CommandResult Refresh();

    /// <summary>Enables the service at boot and starts it.</summary>
    CommandResult EnableAndStart();

    CommandResult StopAndDisable();

    int Tail(TextWriter output);
}
