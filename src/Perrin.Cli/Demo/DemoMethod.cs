using Perrin.Analysis.Localizers;

namespace Perrin.Cli.Demo;

/// <summary>A classical localizer as the demo runs it: its `perrin locate` name, how it was set up, and a factory (one per thread).</summary>
internal sealed record DemoMethod(string Name, string Setup, Func<IFrameLocalizer> Create);
