// The command output and exit codes are shared with `praefect <subcommand>` (Praefect.Subcommands).
global using Praefect.Subcommands;
global using CtlOutput = Praefect.Subcommands.CommandOutput;
