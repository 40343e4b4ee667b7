namespace Praefect.Server.Nodes.Health;

/// <summary>What one probe result did to a node's health.</summary>
internal enum HealthTransition
{
    None,
    BecameHealthy,
    BecameUnhealthy,
}
