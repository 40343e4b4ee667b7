namespace Praefect.Server.Transactions;

/// <summary>One node taking part in a reference transaction: its storage name, the weight of its vote, and whether it is the primary.</summary>
internal sealed record Voter(string Name, int Votes, bool Primary);
