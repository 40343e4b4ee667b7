using Praefect.Ctl;

return CtlApp.Run(args, Console.Out, Console.Error);
