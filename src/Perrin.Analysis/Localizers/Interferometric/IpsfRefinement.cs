using Perrin.Analysis.Localizers.Refinement;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Localizers.Interferometric;

/// <summary>One frame refined by <see cref="IpsfRefiner"/>: the detections in their order, and the scatterers the residual search added.</summary>
public sealed record IpsfRefinement(RefinedLocalization[] Detections, Localization[] Added);
