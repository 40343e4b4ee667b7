// praefect-ctl manages Unix services and files (modes, owners, symlinks): it does not run on Windows.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
