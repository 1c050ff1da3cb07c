using Perrin.Simulation.Scatterers.Shapes;

namespace Perrin.Simulation.Coherent;

/// <summary>A transparent body for multislice: its shape and Δn = n_body − n_medium.</summary>
public readonly record struct PhaseBody(IShape Shape, double IndexContrast);
