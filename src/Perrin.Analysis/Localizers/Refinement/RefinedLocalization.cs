using Perrin.Core.Tables;

namespace Perrin.Analysis.Localizers.Refinement;

/// <summary>A detection after <see cref="MleRefiner"/>: the refined localization, or the detection unchanged with the reason.</summary>
public readonly record struct RefinedLocalization(Localization Localization, RefinementOutcome Outcome);
