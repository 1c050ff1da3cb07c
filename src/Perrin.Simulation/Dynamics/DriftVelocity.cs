namespace Perrin.Simulation.Dynamics;

/// <summary>A constant drift in µm/s along x (columns), y (rows) and z (away from the objective).</summary>
public readonly record struct DriftVelocity(double XUmPerS, double YUmPerS, double ZUmPerS = 0);
