// Replication benchmark. Usage:
//   dotnet run -c Release --project bench/Praefect.Replication.Bench [-- --pushes 40]
// PostgreSQL figures need PRAEFECT_TEST_PG (eval "$(tests/pg-throwaway.sh start)").
using Praefect.Replication.Bench;

var pushes = args.Length == 2 && args[0] == "--pushes" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40;
await RecordingBenchmark.RunAsync(pushes * 10);
await LagBenchmark.RunAsync(pushes);
