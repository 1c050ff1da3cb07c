using System.Numerics;

namespace Perrin.Simulation.Scatterers.Mie;

/// <summary>The exact inputs that determine a <see cref="MieSphere"/>; equal keys give identical spheres.</summary>
public readonly record struct MieSphereKey(double RadiusNm, Complex ParticleIndex, double MediumIndex, double WavelengthNm);
