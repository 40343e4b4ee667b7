// Replication benchmark. Usage (a quiet machine: no builds or tests beside it):
//   dotnet run -c Release --project bench/Praefect.Replication.Bench
//   dotnet run -c Release --project bench/Praefect.Replication.Bench -- --idle 20 --seconds 5 --peak-seconds 3   (smoke run)
// Options: see BenchOptions. PostgreSQL recording figures need PRAEFECT_TEST_PG (eval "$(tests/pg-throwaway.sh start)").
using Praefect.Replication.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("bench: " + e.Message);
    return 2;
}

await RecordingBenchmark.RunAsync(options.Recordings);
await LagBenchmark.RunAsync(options);
return 0;
