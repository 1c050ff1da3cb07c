using Perrin.Core.Tables;

namespace Perrin.Analysis.Localizers;

/// <summary>One method's fit of a ROI, used by one thread for one frame (it may keep scratch buffers).</summary>
internal interface IRoiFit
{
    /// <summary>The localization the ROI holds, or null when the fit is rejected.</summary>
    Localization? Fit(in RoiView roi);
}
