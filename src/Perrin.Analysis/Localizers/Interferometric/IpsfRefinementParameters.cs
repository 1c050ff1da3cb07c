namespace Perrin.Analysis.Localizers.Interferometric;

/// <summary>Settings of <see cref="IpsfRefiner"/>.</summary>
public sealed record IpsfRefinementParameters
{
    /// <summary>
    /// Each scatterer is fitted on the (2·R + 1)² pixels around it: enough for the core and first two rings of the
    /// iPSF at NA 1.4 and 23 nm pixels, where most of the position information lies.
    /// </summary>
    public int WindowRadiusPx { get; init; } = 24;

    /// <summary>
    /// A fitted scatterer's field enters the frame's model over the (2·R + 1)² pixels around it, wider than the fit
    /// window: the outer rings of a neighbour a few windows away still reach into a window and would pull its fit.
    /// </summary>
    public int ModelRadiusPx { get; init; } = 64;

    /// <summary>
    /// A fit that ends farther than this from the detection, in pixels, is rejected. 4 px (92 nm at 23 nm pixels)
    /// lets a detector's one spot between two close particles move onto one of them, where the split can find the
    /// other; the first ring, 10 px out, stays beyond reach.
    /// </summary>
    public double MaxShiftPx { get; init; } = 4.0;

    /// <summary>Passes over all scatterers, each fitting one with the others' latest fields subtracted.</summary>
    public int Passes { get; init; } = 20;

    /// <summary>
    /// The first passes fit only depths and amplitudes, at the detections: a scatterer moved while its neighbours'
    /// fields are still unknown would follow their rings, and coordinate descent is slow to bring it back.
    /// </summary>
    public int SettlingPasses { get; init; } = 2;

    /// <summary>Damped Gauss–Newton steps on one scatterer per pass.</summary>
    public int StepsPerPass { get; init; } = 4;

    /// <summary>
    /// Rounds of searching the residual for scatterers the detector missed (0: none), each followed by passes over
    /// all scatterers. A neighbour missing from the model pulls the fits around it as much as an unmodelled ring does.
    /// </summary>
    public int SearchRounds { get; init; }

    /// <summary>A scatterer is added where it would lower the residual's sum of squares by more than this many noise variances.</summary>
    public double SearchThreshold { get; init; } = 20;

    /// <summary>Half-width in pixels of the field the residual search correlates with.</summary>
    public int SearchRadiusPx { get; init; } = 24;

    /// <summary>Added scatterers must lie at least this far, in pixels, from every other; closer, they are one scatterer.</summary>
    public double MinSeparationPx { get; init; } = 3;

    /// <summary>
    /// Each fitted detection is tried as two scatterers (0: never): the best of a grid of symmetric pairs around it,
    /// by a linear fit of the amplitudes, is fitted in full and kept when it lowers the window's residual sum of squares
    /// by more than this many residual variances per pixel. A detector that merged two particles a few hundred nm
    /// apart into one between them is split back.
    /// </summary>
    public double SplitThreshold { get; init; }

    /// <summary>
    /// The two scatterers of a split must end at least this far apart, in pixels (8 px: 184 nm at 23 nm pixels, 0.78
    /// of λ/2NA at 662 nm and NA 1.4). On simulated frames at 1 particle/µm² every kept pair closer than 180 nm was
    /// one particle taken as two, the pair absorbing what the aberration-free model misses of its PSF, while pairs of
    /// 190–320 nm were mostly two particles.
    /// </summary>
    public double MinSplitSeparationPx { get; init; } = 8;

    /// <summary>Passes over the two scatterers of a split, the first settling depths and amplitudes only.</summary>
    public int SplitPasses { get; init; } = 20;

    /// <summary>The depth search's step in nm; the best step is then refined by a parabola through its neighbours.</summary>
    public double DepthStepNm { get; init; } = 40;

    /// <exception cref="ArgumentException">A parameter is out of range; its name is the exception's ParamName.</exception>
    public void Validate()
    {
        if (WindowRadiusPx is < 3 or > 64)
        {
            throw new ArgumentException($"the fit window's half-width must be 3 to 64 pixels, got {WindowRadiusPx}", nameof(WindowRadiusPx));
        }

        if (ModelRadiusPx < WindowRadiusPx || ModelRadiusPx > 256)
        {
            throw new ArgumentException($"the model's half-width must be from the fit window's ({WindowRadiusPx}) to 256 pixels, got {ModelRadiusPx}", nameof(ModelRadiusPx));
        }

        if (!(MaxShiftPx > 0) || !double.IsFinite(MaxShiftPx))
        {
            throw new ArgumentException($"the largest shift must be a positive number of pixels, got {MaxShiftPx}", nameof(MaxShiftPx));
        }

        if (Passes is < 1 or > 100)
        {
            throw new ArgumentException($"the number of passes must be 1 to 100, got {Passes}", nameof(Passes));
        }

        if (SettlingPasses < 0 || SettlingPasses >= Passes)
        {
            throw new ArgumentException($"the settling passes must be 0 to one fewer than the passes ({Passes}), got {SettlingPasses}", nameof(SettlingPasses));
        }

        if (SearchRounds is < 0 or > 10)
        {
            throw new ArgumentException($"the search rounds must be 0 to 10, got {SearchRounds}", nameof(SearchRounds));
        }

        if (!(SearchThreshold > 0) || !double.IsFinite(SearchThreshold))
        {
            throw new ArgumentException($"the search threshold must be a positive number of noise variances, got {SearchThreshold}", nameof(SearchThreshold));
        }

        if (SearchRadiusPx is < 3 or > 64)
        {
            throw new ArgumentException($"the search radius must be 3 to 64 pixels, got {SearchRadiusPx}", nameof(SearchRadiusPx));
        }

        if (!(MinSeparationPx >= 0) || !double.IsFinite(MinSeparationPx))
        {
            throw new ArgumentException($"the least separation must be a number of pixels ≥ 0, got {MinSeparationPx}", nameof(MinSeparationPx));
        }

        if (!(SplitThreshold >= 0) || !double.IsFinite(SplitThreshold))
        {
            throw new ArgumentException($"the split threshold must be 0 (no splits) or a positive number of residual variances, got {SplitThreshold}", nameof(SplitThreshold));
        }

        if (!(MinSplitSeparationPx >= 0) || !double.IsFinite(MinSplitSeparationPx))
        {
            throw new ArgumentException($"the least split separation must be a number of pixels ≥ 0, got {MinSplitSeparationPx}", nameof(MinSplitSeparationPx));
        }

        if (SplitPasses is < 2 or > 100)
        {
            throw new ArgumentException($"the split passes must be 2 to 100, got {SplitPasses}", nameof(SplitPasses));
        }

        if (StepsPerPass is < 1 or > 100)
        {
            throw new ArgumentException($"the steps per pass must be 1 to 100, got {StepsPerPass}", nameof(StepsPerPass));
        }

        if (!(DepthStepNm > 0) || !double.IsFinite(DepthStepNm))
        {
            throw new ArgumentException($"the depth step must be a positive number of nm, got {DepthStepNm}", nameof(DepthStepNm));
        }
    }
}
