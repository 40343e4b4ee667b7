Console.Error.WriteLine("praefect: not implemented yet");
return 1;
