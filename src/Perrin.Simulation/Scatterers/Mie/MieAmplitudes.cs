using System.Numerics;

namespace Perrin.Simulation.Scatterers.Mie;

/// <summary>
/// Amplitude scattering functions S1 (perpendicular to the scattering plane) and S2 (parallel to it) at one angle,
/// in the Bohren &amp; Huffman convention (e^{-iωt}), so the optical theorem reads Q_ext = 4 Re S(0) / x².
/// </summary>
public readonly record struct MieAmplitudes(Complex S1, Complex S2);
