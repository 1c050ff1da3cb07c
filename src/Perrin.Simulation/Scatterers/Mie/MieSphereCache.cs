using System.Collections.Concurrent;
using System.Numerics;

namespace Perrin.Simulation.Scatterers.Mie;

/// <summary>
/// Thread-safe cache of solved spheres keyed by exact (radius, particle index, medium index, wavelength), so that
/// many identical particles share one solution. When more than <see cref="Capacity"/> distinct spheres have been
/// asked for, the cache is emptied rather than grown, which bounds memory when radii are drawn at random.
/// </summary>
public sealed class MieSphereCache
{
    private readonly ConcurrentDictionary<MieSphereKey, MieSphere> _spheres = new();

    public MieSphereCache(int capacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count => _spheres.Count;

    public MieSphere Get(double radiusNm, Complex particleIndex, double mediumIndex, double wavelengthNm) =>
        Get(new MieSphereKey(radiusNm, particleIndex, mediumIndex, wavelengthNm));

    public MieSphere Get(MieSphereKey key)
    {
        if (_spheres.TryGetValue(key, out var sphere))
        {
            return sphere;
        }

        sphere = new MieSphere(key.RadiusNm, key.ParticleIndex, key.MediumIndex, key.WavelengthNm);
        if (_spheres.Count >= Capacity)
        {
            _spheres.Clear();
        }

        // A racing thread may have added an identical sphere; keep whichever landed first.
        return _spheres.GetOrAdd(key, sphere);
    }

    public void Clear() => _spheres.Clear();
}
