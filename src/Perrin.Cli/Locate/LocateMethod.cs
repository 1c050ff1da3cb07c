using System.CommandLine;
using Perrin.Analysis.Localizers;
using Perrin.Core.Imaging;
using Perrin.Core.Tables;

namespace Perrin.Cli.Locate;

/// <summary>
/// One `perrin locate --method` choice: its name, the options it reads (shared or its own), the columns its
/// localizations fill, and how to build a localizer from the parsed command line. The command calls
/// <see cref="Create"/> once per worker thread, so localizers need not be thread-safe.
/// </summary>
/// <param name="Create">
/// Builds a localizer for a movie stored with the given sample type (trackpy's defaults depend on it); throws
/// <see cref="ArgumentException"/> for out-of-range parameters.
/// </param>
internal sealed record LocateMethod(
    string Name,
    string Description,
    IReadOnlyList<Option> Options,
    LocalizationColumns Columns,
    Func<ParseResult, PixelType, IFrameLocalizer> Create);
