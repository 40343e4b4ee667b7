global using Praefect.Subcommands;
global using CtlOutput = Praefect.Subcommands.CommandOutput;
