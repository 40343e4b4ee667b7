using GitalyLite.Bridge;
using GitalyLite.Cli;

// Two jobs in one executable: the storage node ("serve") and the gitaly-ssh style bridge ("ssh").
// The bridge runs once per git command, so it must not touch the web host types at all.
return args.Length > 0 && args[0] == "ssh"
    ? await SshBridge.RunAsync(args[1..])
    : await ServeCommand.RunAsync(args);
