Console.Error.WriteLine("gitaly-lite: not implemented yet");
return 1;
